package io.reelforge.interfaces.rest;

import java.util.Optional;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.persistence.UniqueKeys;

/**
 * A unique constraint the database enforced under a check the application made first: two requests that both passed
 * the check (two accounts of one name saved at once, two first uses of one Idempotency-Key) and the second one's
 * insert refused at flush or commit ({@link UniqueKeys}). That is a conflict the client can act on (409), not a server
 * fault (500).
 */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** The API error for a unique violation somewhere in this exception's causes, if there is one. */
    public static Optional<ReelforgeException> of(Throwable e) {
        return UniqueKeys.violation(e).map(UniqueViolations::conflict);
    }

    private static ReelforgeException conflict(String message) {
        if (message.contains("RF_ACCOUNT_NAMEKEY")) {
            return new ReelforgeException(ErrorType.CONFLICT, "account.name_taken", "Another account of this name was "
                    + "saved at the same moment (names are compared without case); choose another name.", "name");
        }
        if (message.contains("RF_GEN_IDEMPOTENCY") || message.contains("RF_IDEMPOTENCY")) {
            return ReelforgeException.conflict("idempotency_request_in_progress", "A request with this Idempotency-Key "
                    + "is being processed at the same moment; retry it in a moment to get its response.");
        }
        return ReelforgeException.conflict("conflict", "The request clashed with a change to the same record made at "
                + "the same moment; nothing was changed. Retry it.");
    }
}
