package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeviceSlotsTest {

    @Test
    void theListNamesEachDeviceOnce() {
        DeviceSlots slots = DeviceSlots.parse(" GPU0, gpu1 ,gpu3");
        assertEquals("gpu0,gpu1,gpu3", slots.names());
        assertEquals(List.of(Device.gpu(0), Device.gpu(1), Device.gpu(3)),
                slots.slots().stream().map(DeviceSlots.Slot::device).toList());
        assertEquals("gpu0", DeviceSlots.parse("gpu").names(), "gpu alone is the first GPU");
        assertEquals(List.of("gpu1", "gpu3"), slots.missing(1).stream().map(DeviceSlots.Slot::name).toList());
        assertEquals("cpu,cpu#2", DeviceSlots.parse("cpu,cpu").names());
    }

    @Test
    void twoRendersHoldDifferentDevicesAndAThirdWaitsUntilOneIsFree() throws Exception {
        DeviceSlots slots = DeviceSlots.parse("gpu0,gpu1");
        DeviceSlots.Held a = slots.acquire(Duration.ZERO).orElseThrow();
        DeviceSlots.Held b = slots.acquire(Duration.ZERO).orElseThrow();
        assertNotEquals(a.slot().device(), b.slot().device());
        assertEquals("gpu0 rendering, gpu1 rendering", slots.occupancy());
        assertTrue(slots.acquire(Duration.ofMillis(50)).isEmpty(), "no third render on two devices");
        b.close();
        b.close(); // twice is harmless: it must not free a device another render holds
        DeviceSlots.Held c = slots.acquire(Duration.ZERO).orElseThrow();
        assertEquals("gpu1", c.slot().name(), "the freed device");
        assertTrue(slots.acquire(Duration.ZERO).isEmpty(), "closing twice freed nothing more");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<DeviceSlots.Held> waiting = pool.submit(() -> slots.acquire(Duration.ofSeconds(30)).orElseThrow());
            Thread.sleep(100);
            a.close();
            assertEquals("gpu0", waiting.get(30, TimeUnit.SECONDS).slot().name(), "a waiting render gets the freed one");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void underContentionADeviceIsNeverHeldByTwoRendersAtOnce() throws Exception {
        DeviceSlots slots = DeviceSlots.parse("gpu0,gpu1,gpu2");
        Set<String> holding = ConcurrentHashMap.newKeySet();
        AtomicInteger shared = new AtomicInteger();
        AtomicInteger rendered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        try {
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    try {
                        for (int i = 0; i < 50; i++) {
                            try (DeviceSlots.Held h = slots.acquire(Duration.ofSeconds(30)).orElseThrow()) {
                                if (!holding.add(h.slot().name())) {
                                    shared.incrementAndGet();
                                }
                                Thread.onSpinWait();
                                holding.remove(h.slot().name());
                                rendered.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, shared.get(), "a device was handed to two renders at once");
        assertEquals(400, rendered.get());
        assertEquals("gpu0 free, gpu1 free, gpu2 free", slots.occupancy());
    }
}
