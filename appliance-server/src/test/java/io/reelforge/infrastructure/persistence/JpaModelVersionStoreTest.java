package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.models.ModelVersion;
import io.reelforge.models.RegistryException;
import io.reelforge.models.VersionState;
import io.reelforge.models.VersionStore;
import io.reelforge.models.VersionStore.Snapshot;

/**
 * The model registry's store on Derby and, when one answers, PostgreSQL, as two appliances ("nodes") use it: each
 * sees the other's versions and pointers, a change waits for another node's change in flight and applies on top of
 * it, a refused change leaves nothing behind, and an unchanged revision is not read again.
 */
class JpaModelVersionStoreTest {

    private static final String WAN = "wan2.1-t2v-1.3b";

    /** One node's store, each call in a transaction of its own as {@code @Transactional(REQUIRES_NEW)} gives it. */
    private static VersionStore node(TransactionalRepositories db) {
        JpaModelVersionStore store = new JpaModelVersionStore();
        store.em = db.em();
        return new VersionStore() {
            @Override
            public Snapshot load() {
                return db.inTransaction(store::load);
            }

            @Override
            public void save(Snapshot snapshot) {
                db.inTransaction(() -> store.save(snapshot));
            }

            @Override
            public Snapshot update(Change change) throws RegistryException {
                try {
                    return db.inTransaction(() -> {
                        try {
                            return store.update(change);
                        } catch (RegistryException e) {
                            throw new Refused(e);
                        }
                    });
                } catch (Refused r) {
                    throw (RegistryException) r.getCause();
                }
            }
        };
    }

    private static final class Refused extends RuntimeException {
        Refused(RegistryException e) {
            super(e);
        }
    }

    private static ModelVersion version(String v, VersionState state, String node) {
        return new ModelVersion(WAN, v, state, state == VersionState.FAILED ? "x".repeat(5000) : null,
                "2026-12-05T21:00:0" + v.length() + "Z", state == VersionState.READY ? "ab".repeat(32) : null, node);
    }

    private static VersionStore.Change add(ModelVersion v) {
        return latest -> {
            List<ModelVersion> all = new ArrayList<>(latest.versions());
            all.add(v);
            return new Snapshot(all, latest.active(), latest.previous());
        };
    }

    private static VersionStore.Change activate(String v) {
        return latest -> {
            Map<String, String> active = new HashMap<>(latest.active());
            Map<String, String> previous = new HashMap<>(latest.previous());
            String current = active.put(WAN, v);
            if (current != null) {
                previous.put(WAN, current);
            }
            return new Snapshot(latest.versions(), active, previous);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void twoNodesSeeOneRegistryAndAChangeWaitsForTheOneInFlight(String kind) throws Exception {
        try (TransactionalRepositories db = TransactionalRepositories.open(kind, "models")) {
            VersionStore a = node(db);
            VersionStore b = node(db);
            assertEquals(Snapshot.empty(), b.load());
            a.update(add(version("v1", VersionState.READY, "node-a")));
            b.update(add(version("v2", VersionState.PENDING, "node-b")));
            a.update(activate("v1"));
            Snapshot seen = b.load();
            assertEquals(List.of("v1", "v2"), seen.versions().stream().map(ModelVersion::version).toList(),
                    "both nodes' versions, in the order they were recorded");
            assertEquals(version("v1", VersionState.READY, "node-a"), seen.versions().get(0), "every field kept");
            assertEquals(Map.of(WAN, "v1"), seen.active());
            assertSame(seen, b.load(), "an unchanged revision is not read again");

            // A's activation holds the registry's lock; B's, made meanwhile, waits and applies on top of it.
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Snapshot> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return a.update(latest -> {
                        locked.countDown();
                        sleep(700);
                        return activate("v2").apply(latest);
                    });
                } catch (RegistryException | java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            locked.await(30, TimeUnit.SECONDS);
            Snapshot second = b.update(latest -> {
                assertEquals("v2", latest.active().get(WAN), "B's change sees A's, committed before it");
                return activate("v1").apply(latest);
            });
            first.get(60, TimeUnit.SECONDS);
            assertEquals(Map.of(WAN, "v1"), second.active());
            assertEquals(Map.of(WAN, "v2"), second.previous());
            assertEquals(second, a.load());

            RegistryException refused = assertThrows(RegistryException.class, () -> a.update(latest -> {
                add(version("v3", VersionState.READY, "node-a")).apply(latest);
                throw new RegistryException("version.duplicate", "refused");
            }));
            assertEquals("version.duplicate", refused.code());
            assertEquals(second, b.load(), "a refused change leaves nothing");

            a.update(add(version("long", VersionState.FAILED, "node-a")));
            assertEquals(4000, b.load().versions().get(2).reason().length(), "a long reason is cut to its column");
            a.update(latest -> new Snapshot(latest.versions().subList(1, 3), Map.of(), Map.of()));
            assertEquals(List.of("v2", "long"), b.load().versions().stream().map(ModelVersion::version).toList());
            assertEquals(Map.of(), b.load().active());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
