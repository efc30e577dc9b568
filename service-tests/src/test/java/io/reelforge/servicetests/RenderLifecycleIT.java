package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.GenerationService;
import io.reelforge.application.Ledger;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderLifecycle.Completion;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.RenderFacts;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * {@link RenderLifecycle}, the one owner of a job's end: races between two transactions decided by the row locks
 * (the test's transaction commits first, the racer's waits for it), one refund at most, and the jobs that nothing
 * renders any more (interrupted, orphaned, past their time).
 */
@ExtendWith(ArquillianExtension.class)
class RenderLifecycleIT extends AccountTest {

    private static final RenderFacts FACTS = new RenderFacts("sandbox", "1", 1280, 720, 4, false);

    @Inject
    GenerationService generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    Ledger ledger;

    @Inject
    LedgerRepository entries;

    @Inject
    Racer racer;

    @Inject
    UserTransaction tx;

    private String rendering() {
        Generation g = generations.submit(fixtures.live(account), Fixtures.clip("a lighthouse at dusk"), null, null, null).generation();
        fixtures.startRender(g.id());
        assertEquals(afterOneClip, fixtures.balance(account), "one clip is charged at submission");
        return g.id();
    }

    @Test
    void aCancelThatHoldsTheRowWinsAndTheCompletionWaitingForItRecordsNothing() throws Exception {
        String id = rendering();
        int attempt = fixtures.generation(id).attempts();

        Future<Completion> completion = racer.race(() -> lifecycle.cancel(account, id),
                () -> lifecycle.complete(id, attempt, 1234, FACTS));

        assertEquals(Completion.ENDED, completion.get(30, TimeUnit.SECONDS));
        Generation g = fixtures.generation(id);
        assertEquals(GenerationStatus.CANCELED, g.status());
        assertEquals(null, g.outputPath());
        assertEquals(1_000, fixtures.balance(account), "the cancel refunded the clip");
    }

    @Test
    void aCompletionThatHoldsTheRowWinsAndTheCancelWaitingForItIsRefused() throws Exception {
        String id = rendering();
        int attempt = fixtures.generation(id).attempts();

        Future<Generation> cancel = racer.race(
                () -> assertEquals(Completion.COMPLETED, lifecycle.complete(id, attempt, 1234, FACTS)),
                () -> lifecycle.cancel(account, id));

        ExecutionException refused = assertThrows(ExecutionException.class, () -> cancel.get(30, TimeUnit.SECONDS));
        assertEquals("generation.not_cancelable", ((ReelforgeException) refused.getCause()).code());
        assertEquals(GenerationStatus.COMPLETED, fixtures.generation(id).status());
        assertEquals(afterOneClip, fixtures.balance(account), "a completed clip stays paid");
    }

    @Test
    void twoEndingsAtOnceRefundOnce() throws Exception {
        String id = rendering();
        int attempt = fixtures.generation(id).attempts();

        Future<Generation> cancel = racer.race(() -> lifecycle.fail(id, attempt, "render.error", "the engine failed"),
                () -> lifecycle.cancel(account, id));

        assertThrows(ExecutionException.class, () -> cancel.get(30, TimeUnit.SECONDS));
        tx.begin();
        ledger.refund(fixtures.generation(id), "again");
        tx.commit();
        assertEquals(1_000, fixtures.balance(account));
        assertTrue(entries.find(id, EntryKind.REFUND).isPresent());
        assertEquals(1, entries.page(account, null, null, 50).stream()
                .filter(e -> e.kind() == EntryKind.REFUND).count(), "one refund entry");
    }

    @Test
    void anOrphanedRenderPastItsTimeFailsAndIsRefundedWhileARunningOneIsLeftAlone() throws Exception {
        String orphan = rendering();
        String running = generations.submit(fixtures.live(account), Fixtures.clip("a second clip"), null, null, null).generation().id();
        fixtures.startRender(running);
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        fixtures.backdate(Generation.class, "startedAt", orphan, longAgo);
        fixtures.backdate(Generation.class, "startedAt", running, longAgo);

        assertTrue(lifecycle.failOrphans(Set.of(running)) >= 1);

        Generation g = fixtures.generation(orphan);
        assertEquals(GenerationStatus.FAILED, g.status());
        assertEquals("render.timeout", g.errorCode());
        assertEquals(GenerationStatus.PROCESSING, fixtures.generation(running).status(), "a render that runs here is not an orphan");
        assertEquals(afterOneClip, fixtures.balance(account), "the orphan refunded, the running one still charged");
    }

    @Test
    void aRenderInterruptedByACrashIsQueuedAgainWithItsAttemptSpentThenFailsWhenNoneIsLeft() throws Exception {
        String id = rendering();

        assertTrue(lifecycle.recoverInterrupted(Set.of()) >= 1);
        Generation g = fixtures.generation(id);
        assertEquals(GenerationStatus.QUEUED, g.status());
        assertEquals(1, g.attempts());

        fixtures.startRender(id);
        lifecycle.recoverInterrupted(Set.of());
        g = fixtures.generation(id);
        assertEquals(GenerationStatus.FAILED, g.status(), "two attempts (reelforge.render.max-attempts) are spent");
        assertEquals("render.interrupted", g.errorCode());
        assertEquals(1_000, fixtures.balance(account));
    }
}
