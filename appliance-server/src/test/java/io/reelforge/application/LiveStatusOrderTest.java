package io.reelforge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.junit.jupiter.api.Test;

import io.reelforge.application.LiveStatus.Snapshot;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.Resolution;

/**
 * Two refreshes of one generation at once, as a change's refresh and the ticker's can be: the first read sees the clip
 * just started (version 2), is slow to return, and the second read sees it further on (version 3). The watcher must get
 * the two in the order of the states, never version 3 and then version 2 (an SSE client saw its clip go back to an
 * earlier state under an event id it already had, under load in CI). The reads are made to race in this order with
 * latches, not with sleeps.
 */
class LiveStatusOrderTest {

    private static final ClipRequest CLIP = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
    private static final String ID = "g-1";

    /** The reads: the watch's, then a slow one (held until released), then a quick one. */
    private static final class RacingReads extends LiveReads {
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch releaseSlow = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Snapshot current(String accountId, String generationId) {
            return new Snapshot(generation(1, false), 1);
        }

        @Override
        public Optional<Snapshot> current(String generationId) {
            if (calls.incrementAndGet() == 1) {
                slowStarted.countDown();
                await(releaseSlow);
                return Optional.of(new Snapshot(generation(2, true), null));
            }
            return Optional.of(new Snapshot(generation(3, true), null));
        }
    }

    @Test
    void aSlowOlderReadIsNotDeliveredAfterANewerOne() throws Exception {
        LiveStatus live = new LiveStatus();
        RacingReads reads = new RacingReads();
        live.reads = reads;
        live.settings = () -> Duration.ofHours(1);
        live.executor = executorThatRunsNothing();
        List<Long> versions = new CopyOnWriteArrayList<>();
        live.watch("acct", ID, null, new LiveStatus.Watcher() {
            @Override
            public boolean changed(Snapshot s) {
                versions.add(s.generation().version());
                return true;
            }

            @Override
            public boolean keepAlive() {
                return true;
            }
        });

        Thread slow = Thread.ofPlatform().start(() -> live.refresh(ID));
        await(reads.slowStarted);
        Thread quick = Thread.ofPlatform().start(() -> live.refresh(ID));
        // The quick refresh has either delivered (it did not wait for the slow one) or waits for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (quick.isAlive() && quick.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        reads.releaseSlow.countDown();
        slow.join(10_000);
        quick.join(10_000);

        assertEquals(1L, versions.get(0), versions.toString());
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) > versions.get(i - 1), "the watcher got an older state after a newer one: " + versions);
        }
        assertEquals(3L, versions.get(versions.size() - 1), versions.toString());
    }

    private static Generation generation(long version, boolean started) {
        Generation g = new Generation("acct", "key", KeyMode.LIVE, CLIP, "sandbox", 90, 1000, Instant.EPOCH);
        if (started) {
            g.start(Instant.EPOCH.plusSeconds(1), "node-1");
        }
        try {
            var field = Generation.class.getDeclaredField("version");
            field.setAccessible(true);
            field.setLong(g, version); // JPA's @Version, set by the persistence provider in the appliance
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return g;
    }

    /** The container's executor, as the watch's own follow-up refresh sees it: here it runs nothing. */
    private static ManagedExecutorService executorThatRunsNothing() {
        return (ManagedExecutorService) Proxy.newProxyInstance(LiveStatusOrderTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("a racer did not get there in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
