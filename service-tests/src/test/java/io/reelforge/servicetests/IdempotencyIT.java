package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.GenerationService;
import io.reelforge.application.GenerationService.Submission;
import io.reelforge.application.IdempotencyService;
import io.reelforge.application.IdempotencyService.Decision;
import io.reelforge.domain.model.idempotency.IdempotencyRecord;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * {@link IdempotencyService} with {@link GenerationService#submit}: a retry under the same key is charged once, even
 * after a crash between the charge and the stored answer (the steps the HTTP filter runs, without the filter).
 */
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT extends AccountTest {

    @Inject
    IdempotencyService idempotency;

    @Inject
    GenerationService generations;

    @Test
    void aRetryAfterACrashBetweenTheChargeAndTheStoredAnswerGetsTheSameGenerationAndPaysNothing() {
        Decision first = idempotency.begin(account, "key-1", "fp");
        assertNull(first.replay());
        Submission charged = generations.submit(fixtures.live(account), Fixtures.clip("a fox in snow"), null, null, first.recordId());
        assertFalse(charged.earlier());
        // The crash: complete() never runs; the key's record is left unanswered until it counts as abandoned.
        fixtures.backdate(IdempotencyRecord.class, "createdAt", first.recordId(), Instant.now().minus(Duration.ofMinutes(10)));

        Decision retry = idempotency.begin(account, "key-1", "fp");
        assertNull(retry.replay(), "no stored answer: the submission answers again");
        Submission again = generations.submit(fixtures.live(account), Fixtures.clip("a fox in snow"), null, null, retry.recordId());

        assertTrue(again.earlier());
        assertEquals(charged.generation().id(), again.generation().id());
        assertEquals(afterOneClip, fixtures.balance(account), "charged once");
    }

    @Test
    void aStoredAnswerIsReplayedAndTheKeyWithAnotherRequestIsRefused() {
        Decision first = idempotency.begin(account, "key-2", "fp");
        Submission s = generations.submit(fixtures.live(account), Fixtures.clip("rain on a window"), null, null, first.recordId());
        idempotency.complete(first.recordId(), 201, "{\"id\":\"" + s.generation().id() + "\"}", null);

        Decision replay = idempotency.begin(account, "key-2", "fp");
        assertEquals(201, replay.replay().status());
        assertTrue(replay.replay().body().contains(s.generation().id()));
        assertEquals("idempotency_key_reused", assertThrows(ReelforgeException.class,
                () -> idempotency.begin(account, "key-2", "another fingerprint")).code());
        assertEquals(afterOneClip, fixtures.balance(account));
    }

    @Test
    void aKeyStillInFlightIsAConflictNotASecondCharge() {
        idempotency.begin(account, "key-3", "fp");
        assertEquals("idempotency_request_in_progress", assertThrows(ReelforgeException.class,
                () -> idempotency.begin(account, "key-3", "fp")).code());
        assertEquals(1_000, fixtures.balance(account));
    }
}
