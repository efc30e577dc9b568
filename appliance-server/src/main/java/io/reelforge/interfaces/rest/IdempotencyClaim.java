package io.reelforge.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;

import io.reelforge.application.GenerationService;
import io.reelforge.domain.model.generation.Generation;

/**
 * This request's claim on an {@code Idempotency-Key}, set by {@link IdempotencyFilter}: the key's record id (the
 * hash of account and key) for a submission to bind its generation to, and whether the resource answered with
 * what an earlier request under the key had done (a replay, though no answer was stored for it).
 */
@RequestScoped
public class IdempotencyClaim {

    private String key;
    private boolean replayed;

    void claim(String recordId) {
        this.key = recordId;
    }

    /** The claimed key's record id, or null when the request came without a key. */
    public String key() {
        return key;
    }

    /**
     * The generation to answer with; one an earlier request submitted under the key (found, not made now) goes out
     * marked as a replay.
     */
    public Generation answer(GenerationService.Submission submission) {
        replayed |= submission.earlier();
        return submission.generation();
    }

    boolean replayed() {
        return replayed;
    }
}
