package io.reelforge.application.console;

import java.util.List;

/** The port the live dashboard reads this machine's devices through: the GPUs when there are, else the CPU. */
public interface DeviceProbe {

    /**
     * One device now. Memory in bytes; {@code utilisationPercent} is -1 when the device does not report it.
     * {@code kind} is {@code gpu} or {@code cpu}.
     */
    record Device(String kind, String name, long memoryUsedBytes, long memoryTotalBytes, int utilisationPercent) {
    }

    List<Device> devices();
}
