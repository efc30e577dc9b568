package io.reelforge.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelforge.application.console.DeviceProbe.Device;

class HostDevicesTest {

    @Test
    void readsNvidiaSmiCsvWithoutUnits() {
        List<Device> gpus = HostDevices.parse("""
                NVIDIA H200, 1024, 143771, 37
                NVIDIA GeForce RTX 4090, 0, 24564, [N/A]
                """);
        assertEquals(2, gpus.size());
        assertEquals(new Device("gpu", "NVIDIA H200", 1024L << 20, 143771L << 20, 37), gpus.get(0));
        assertEquals(-1, gpus.get(1).utilisationPercent(), "a figure not reported is -1, not an error");
        assertEquals(24564L << 20, gpus.get(1).memoryTotalBytes());
    }

    @Test
    void skipsWhatIsNotAGpuLine() {
        assertEquals(List.of(), HostDevices.parse("NVIDIA-SMI has failed because it couldn't communicate with the driver\n"));
    }

    @Test
    void withoutNvidiaSmiTheCpuIsShown() {
        List<Device> devices = new HostDevices().devices();
        assertFalse(devices.isEmpty());
        if (devices.get(0).kind().equals("cpu")) {
            assertEquals(1, devices.size());
            assertFalse(devices.get(0).name().isBlank());
        }
    }
}
