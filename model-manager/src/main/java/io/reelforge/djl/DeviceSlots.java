package io.reelforge.djl;

import ai.djl.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The devices the {@code djl} engine renders on ({@code reelforge.engine.djl.devices}), one render at a time on
 * each: a render takes a free slot, keeps its device for its whole run (every model load and array of that
 * render sits there) and gives it back at the end. A GPU is listed at most once, so two renders never share
 * one; {@code cpu} may be listed more than once for parallel CPU renders (they share the cores).
 */
final class DeviceSlots {

    /** One device of the list: {@code name} as shown to administrators ({@code gpu0}, {@code cpu}, {@code cpu#2}). */
    record Slot(int index, String name, Device device) {

        boolean gpu() {
            return Device.Type.GPU.equals(device.getDeviceType());
        }
    }

    /** A render's hold on its slot; closing gives the device back. */
    final class Held implements AutoCloseable {

        private final Slot slot;
        private boolean closed;

        private Held(Slot slot) {
            this.slot = slot;
        }

        Slot slot() {
            return slot;
        }

        @Override
        public void close() {
            synchronized (DeviceSlots.this) {
                if (!closed) {
                    closed = true;
                    busy[slot.index()] = false;
                    DeviceSlots.this.notifyAll();
                }
            }
        }
    }

    private final List<Slot> slots;
    private final boolean[] busy;

    private DeviceSlots(List<Slot> slots) {
        this.slots = List.copyOf(slots);
        this.busy = new boolean[slots.size()];
    }

    /**
     * Reads a comma-separated list of {@code cpu}, {@code gpu} (the first GPU) and {@code gpuN}; refuses an empty
     * list, another name and a GPU listed twice.
     */
    static DeviceSlots parse(String list) {
        List<Slot> slots = new ArrayList<>();
        Set<Integer> gpus = new HashSet<>();
        int cpus = 0;
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("cpu")) {
                cpus++;
                slots.add(new Slot(slots.size(), cpus == 1 ? "cpu" : "cpu#" + cpus, Device.cpu()));
            } else if (name.matches("gpu[0-9]{0,3}")) {
                int id = name.length() == 3 ? 0 : Integer.parseInt(name.substring(3));
                if (!gpus.add(id)) {
                    throw new IllegalArgumentException("djl setting devices lists gpu" + id
                            + " twice: a GPU renders one clip at a time");
                }
                slots.add(new Slot(slots.size(), "gpu" + id, Device.gpu(id)));
            } else {
                throw new IllegalArgumentException("djl setting devices: '" + raw.trim()
                        + "' is not cpu, gpu or gpuN (e.g. gpu0,gpu1)");
            }
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("djl setting devices names no device (e.g. cpu, or gpu0,gpu1)");
        }
        return new DeviceSlots(slots);
    }

    List<Slot> slots() {
        return slots;
    }

    int size() {
        return slots.size();
    }

    /** The device every version is verified on at import: the first of the list. */
    Device first() {
        return slots.get(0).device();
    }

    /** The devices as configured, e.g. {@code gpu0,gpu1}. */
    String names() {
        return slots.stream().map(Slot::name).collect(Collectors.joining(","));
    }

    /** The GPUs of the list that this machine does not have, given how many it has. */
    List<Slot> missing(int gpuCount) {
        return slots.stream().filter(s -> s.gpu() && s.device().getDeviceId() >= gpuCount).toList();
    }

    /** Each slot and whether a render holds it now, e.g. {@code gpu0 rendering, gpu1 free}. */
    synchronized String occupancy() {
        return slots.stream().map(s -> s.name() + (busy[s.index()] ? " rendering" : " free"))
                .collect(Collectors.joining(", "));
    }

    /** Takes the first free slot, waiting up to {@code patience} for one; empty if all stay busy. */
    synchronized Optional<Held> acquire(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            for (Slot s : slots) {
                if (!busy[s.index()]) {
                    busy[s.index()] = true;
                    return Optional.of(new Held(s));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
