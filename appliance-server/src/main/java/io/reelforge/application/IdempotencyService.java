package io.reelforge.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.idempotency.IdempotencyRecord;
import io.reelforge.domain.model.idempotency.IdempotencyRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Idempotency keys, each step in its own short transaction so the record is visible to a concurrent retry at
 * once: {@link #begin} claims the key or answers with the first response, {@link #complete} stores the response,
 * {@link #release} frees the key when the request ended in a way a retry should redo (a server error, a
 * conflict, a rate limit). What charges credits does not rest on these steps: a submission binds its generation
 * to the key in its own transaction ({@link GenerationService#submit}), and a retry finds it there even when the
 * process died before {@link #complete}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyService {

    public static final int MAX_KEY_LENGTH = 255;

    /** What {@link #begin} decided: go ahead (and record under this id), or answer with the stored response. */
    public record Decision(String recordId, Replay replay) {
    }

    public record Replay(int status, String body, String location) {
    }

    @Inject
    IdempotencyRepository records;

    @Inject
    GenerationRepository generations;

    @Inject
    RequestLimits settings;

    @Inject
    Clock clock;

    public Decision begin(String accountId, String key, String fingerprint) {
        String id = idOf(accountId, key);
        Instant now = clock.instant();
        Optional<IdempotencyRecord> existing = records.lock(id);
        if (existing.isPresent() && !existing.get().isExpired(now)) {
            IdempotencyRecord r = existing.get();
            // A submission binds its generation to the key in the transaction that charges it: once bound, the key
            // is that generation's, whether or not the answer was stored after it (a crash in between).
            boolean bound = !r.completed() && generations.findByIdempotencyKey(id).isPresent();
            if (!r.isAbandoned(now) || bound) {
                if (!r.sameRequest(fingerprint)) {
                    throw ReelforgeException.validation(null, "idempotency_key_reused", "This Idempotency-Key was already "
                            + "used with a different request in the last " + settings.idempotencyTtl().toHours()
                            + " hours; use a new key for a new request.");
                }
                if (r.completed()) {
                    return new Decision(id, new Replay(r.status(), r.body(), r.location()));
                }
                if (bound) {
                    // The submission answers again with the generation it finds under the key, charging nothing.
                    return new Decision(id, null);
                }
                throw ReelforgeException.conflict("idempotency_request_in_progress", "A request with this "
                        + "Idempotency-Key is still being processed; retry it in a moment to get its response.");
            }
        }
        if (existing.isPresent()) {
            if (existing.get().isExpired(now)) {
                // The answer is forgotten, and with it the generation's claim on the key.
                generations.releaseIdempotencyKey(id, now);
            }
            records.delete(existing.get());
            // The old row goes first, in its own statement, so the new one does not clash with it.
            records.flush();
        } else {
            // The record may have been purged after its time to live: a generation as old no longer holds the key.
            generations.releaseIdempotencyKey(id, now.minus(settings.idempotencyTtl()));
        }
        records.storeNow(new IdempotencyRecord(id, accountId, fingerprint, settings.idempotencyTtl(), now));
        return new Decision(id, null);
    }

    public void complete(String recordId, int status, String body, String location) {
        records.lock(recordId).ifPresent(r -> r.complete(status, body, location));
    }

    public void release(String recordId) {
        records.lock(recordId).ifPresent(records::delete);
    }

    public int purgeExpired() {
        return records.deleteExpired(clock.instant());
    }

    private static String idOf(String accountId, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((accountId + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
