package io.reelforge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.application.ops.AfterCommit;
import io.reelforge.application.ops.Drain;
import io.reelforge.application.ops.LogTags;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.application.webhooks.WebhookOutbox;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.safety.SafetyTerm;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.engine.Engine;
import io.reelforge.engine.ImageSupport;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.persistence.TransactionalRepositories;

/**
 * An idempotent submission against real databases, each step in its own transaction as the request filter and the
 * resource run them: the key is claimed ({@link IdempotencyService#begin}), the job is submitted and charged
 * ({@link GenerationService#submit}), and the answer is stored ({@link IdempotencyService#complete}). A crash
 * between the last two is the step that never runs; a retry must then find the generation, not pay again.
 */
class IdempotentSubmissionTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final String FINGERPRINT = "f".repeat(64);
    private static final long PRICE = 90;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Object> events = new ArrayList<>();
    private TransactionalRepositories db;
    private IdempotencyService idempotency;
    private GenerationService submissions;
    private Caller caller;

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aRetryAfterACrashBetweenTheChargeAndTheStoredAnswerGetsTheSameGenerationAndPaysOnce(String kind) throws Exception {
        open(kind);
        String key = claim("retry-after-crash");
        GenerationService.Submission first = submit("a harbour at dawn", key);
        assertFalse(first.earlier());
        // The process dies here: the answer is never stored, the record stays unfinished.

        clock.advance(Duration.ofSeconds(2));
        String again = claim("retry-after-crash");
        assertEquals(key, again, "the retry goes ahead under the same key: its generation is bound to it");
        GenerationService.Submission retry = submit("a harbour at dawn", again);
        assertTrue(retry.earlier(), "found under the key, not made again");
        assertEquals(first.generation().id(), retry.generation().id());
        db.inTransaction(() -> idempotency.complete(again, 202, "{\"generation_id\":\"" + retry.generation().id() + "\"}", null));

        assertEquals(1, debits(), "one debit in the ledger");
        assertEquals(1000 - PRICE, balance());
        assertEquals(1, generationsOfAccount());
        IdempotencyService.Decision third = db.inTransaction(() -> idempotency.begin(caller.accountId(), "retry-after-crash", FINGERPRINT));
        assertNotNull(third.replay(), "from now on the stored answer is replayed");
        assertEquals(202, third.replay().status());
        assertEquals(1, events.stream().filter(GenerationQueued.class::isInstance).count(), "queued once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aRetryAfterTheUnfinishedRecordWasGivenUpStillFindsTheGeneration(String kind) throws Exception {
        open(kind);
        String key = claim("abandoned");
        String id = submit("a lighthouse in fog", key).generation().id();
        clock.advance(Duration.ofMinutes(6));
        GenerationService.Submission retry = submit("a lighthouse in fog", claim("abandoned"));
        assertTrue(retry.earlier());
        assertEquals(id, retry.generation().id());
        assertEquals(1, debits());
        // Another request under the key is still refused: the key belongs to that generation.
        ReelforgeException reused = assertThrows(ReelforgeException.class,
                () -> db.inTransaction(() -> idempotency.begin(caller.accountId(), "abandoned", "e".repeat(64))));
        assertEquals("idempotency_key_reused", reused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aDuplicateWhileTheFirstHasChargedNothingYetIsToldToRetry(String kind) throws Exception {
        open(kind);
        claim("in-flight");
        // The first request holds the key and has not committed its submission.
        ReelforgeException busy = assertThrows(ReelforgeException.class,
                () -> db.inTransaction(() -> idempotency.begin(caller.accountId(), "in-flight", FINGERPRINT)));
        assertEquals("idempotency_request_in_progress", busy.code());
        assertEquals(409, busy.type().httpStatus());
        assertEquals(0, debits());
        // A first request that died before charging anything is redone once its record is given up.
        clock.advance(Duration.ofMinutes(6));
        GenerationService.Submission redone = submit("a quiet forest", claim("in-flight"));
        assertFalse(redone.earlier());
        assertEquals(1, debits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void afterItsTimeToLiveTheKeyNamesANewRequest(String kind) throws Exception {
        open(kind);
        String first = submit("a red kite", claim("reused-next-day")).generation().id();
        clock.advance(Duration.ofHours(25));
        // Whether the retention job purged the old record or not, the key is free again.
        db.inTransaction(() -> idempotency.purgeExpired());
        GenerationService.Submission next = submit("a red kite", claim("reused-next-day"));
        assertFalse(next.earlier());
        assertNotEquals(first, next.generation().id());
        assertEquals(2, debits());
        db.inTransaction(() -> {
            assertNull(db.generations().find(first).orElseThrow().idempotencyKey(), "the old generation let the key go");
            assertEquals(next.generation().id(), db.generations().findByIdempotencyKey(next.generation().idempotencyKey())
                    .orElseThrow().id());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theDatabaseRefusesASecondGenerationUnderOneKey(String kind) throws Exception {
        open(kind);
        String key = claim("guarded");
        submit("a windmill", key);
        ClipRequest r = new ClipRequest("a windmill", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
        RuntimeException refused = assertThrows(RuntimeException.class, () -> db.inTransaction(() -> {
            Generation twin = new Generation(caller.accountId(), "key", KeyMode.LIVE, r, "sandbox", PRICE, 1000, clock.instant());
            twin.submittedUnder(key);
            db.generations().store(twin);
        }));
        assertTrue(String.valueOf(causes(refused)).toUpperCase(java.util.Locale.ROOT).contains("RF_GEN_IDEMPOTENCY"),
                "the unique constraint refused it: " + causes(refused));
        assertEquals(1, generationsOfAccount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aBlockedPromptEndsThroughTheLifecycleRefundedAndAnnounced(String kind) throws Exception {
        open(kind);
        db.inTransaction(() -> db.em().persist(new SafetyTerm("violence", "gore", T0)));
        Generation g = submit("a field of gore", claim("blocked")).generation();
        assertEquals(GenerationStatus.FAILED, g.status());
        assertEquals("safety.prompt", g.errorCode());
        assertEquals(0, g.creditsSpent(), "a refunded failure used nothing");
        assertEquals(1000, balance(), "debited and refunded in one transaction");
        db.inTransaction(() -> {
            assertEquals(GenerationStatus.FAILED, db.generations().find(g.id()).orElseThrow().status());
            assertTrue(db.ledger().find(g.id(), EntryKind.REFUND).isPresent());
        });
        assertTrue(events.contains(new GenerationChanged(g.id(), true)), "live status hears of the end: " + events);
        assertTrue(events.contains("webhook:" + g.id()), "the end event goes out");
        assertFalse(events.stream().anyMatch(GenerationQueued.class::isInstance), "never queued");
    }

    // --- the wiring: real repositories and transactions, stand-ins for the engine, storage and notifications ---

    private void open(String kind) throws Exception {
        db = TransactionalRepositories.open(kind, "idempotent-submission");
        Settings settings = new Settings() {
            @Override
            public Duration idempotencyTtl() {
                return Duration.ofHours(24);
            }
        };
        idempotency = new IdempotencyService();
        idempotency.records = db.idempotency();
        idempotency.generations = db.generations();
        idempotency.settings = settings;
        idempotency.clock = clock;

        Ledger ledger = new Ledger();
        ledger.entries = db.ledger();
        ledger.accounts = db.accounts();
        ledger.clock = clock;
        ledger.metrics = nothing(OpsMetrics.class);
        ledger.afterCommit = new AfterCommit() {
            @Override
            public void count(Runnable count) {
            }
        };
        // Storage that is up and keeps nothing: the submissions here carry no start image and render nothing.
        OutputStorage store = (OutputStorage) Proxy.newProxyInstance(OutputStorage.class.getClassLoader(),
                new Class<?>[] {OutputStorage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "refuseIfUnavailable" -> null;
                    case "delete" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        WebhookOutbox webhooks = new WebhookOutbox() {
            @Override
            public void generationEnded(Generation g) {
                events.add("webhook:" + g.id());
            }
        };
        RenderLifecycle lifecycle = new RenderLifecycle();
        lifecycle.generations = db.generations();
        lifecycle.ledger = ledger;
        lifecycle.store = store;
        lifecycle.changed = recording();
        lifecycle.webhooks = webhooks;
        lifecycle.clock = clock;

        submissions = new GenerationService();
        submissions.accounts = db.accounts();
        submissions.generations = db.generations();
        submissions.safety = db.safety();
        submissions.ledger = ledger;
        submissions.estimator = new Estimator() {
            @Override
            public long renderMs(String engine, int width, int height) {
                return 1000;
            }
        };
        submissions.engines = new EngineCatalog() {
            @Override
            public String engineIdFor(KeyMode mode) {
                return "sandbox";
            }

            @Override
            public Engine engine(String id) {
                return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                        (proxy, method, args) -> switch (method.getName()) {
                            case "imageSupport" -> ImageSupport.optional(id);
                            case "id" -> id;
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
            }

            @Override
            public int renderSlots() {
                throw new UnsupportedOperationException("renderSlots");
            }

            @Override
            public boolean isDefault(String id) {
                throw new UnsupportedOperationException("isDefault");
            }

            @Override
            public java.util.Map<String, Engine> all() {
                throw new UnsupportedOperationException("all");
            }

            @Override
            public java.util.Optional<io.reelforge.models.RegistryEngine> modelEngine() {
                throw new UnsupportedOperationException("modelEngine");
            }

            @Override
            public java.util.Optional<io.reelforge.remote.UpstreamEngine> remoteEngine() {
                throw new UnsupportedOperationException("remoteEngine");
            }
        };
        submissions.store = store;
        submissions.queued = recording();
        submissions.lifecycle = lifecycle;
        submissions.clock = clock;
        submissions.drain = new Drain();
        submissions.logTags = nothing(LogTags.class);

        caller = db.inTransaction(() -> {
            Plan plan = new Plan("idem-test", "Idempotency test", 1000, 0, true, (int) PRICE, 100);
            db.em().persist(plan);
            Account a = new Account("Idempotency team", plan, 5, T0);
            db.em().persist(a);
            ledger.grantFirstPeriod(a.id(), plan, 1000, "system");
            return new Caller(a.id(), "key-1", KeyMode.LIVE, "rf_live_abcd", plan.id());
        });
    }

    /** What the request filter does first: claims the key (its own transaction), returning the record id to bind. */
    private String claim(String key) {
        IdempotencyService.Decision d = db.inTransaction(() -> idempotency.begin(caller.accountId(), key, FINGERPRINT));
        assertNull(d.replay(), "goes ahead");
        return d.recordId();
    }

    /** What the resource does next: submits and charges (its own transaction). */
    private GenerationService.Submission submit(String prompt, String idempotencyKey) {
        ClipRequest r = new ClipRequest(prompt, "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
        return db.inTransaction(() -> submissions.submit(caller, r, null, "http://localhost/", idempotencyKey));
    }

    private long debits() {
        return db.inTransaction(() -> db.em().createQuery("select count(e) from LedgerEntry e where e.accountId = :a and e.kind = :k", Long.class)
                .setParameter("a", caller.accountId()).setParameter("k", EntryKind.DEBIT).getSingleResult());
    }

    private long balance() {
        return db.inTransaction(() -> db.ledger().balance(caller.accountId()));
    }

    private long generationsOfAccount() {
        return db.inTransaction(() -> db.generations().countCreatedSince(caller.accountId(), Instant.EPOCH));
    }

    private static List<String> causes(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c.getMessage());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> Event<T> recording() {
        return (Event<T>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        events.add(args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
