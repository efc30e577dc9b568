package io.reelforge.interfaces.rest;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * A unique constraint the database enforced under a check the application made first: two requests that both passed
 * the check (two accounts of one name saved at once, two first uses of one Idempotency-Key) and the second one's
 * insert refused at flush or commit. That is a conflict the client can act on (409), not a server fault (500). Derby
 * and PostgreSQL both report it as SQLState 23505 and name the constraint in the message.
 */
public final class UniqueViolations {

    /** The SQLState of a unique or primary key violation on Derby and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** The API error for a unique violation somewhere in this exception's causes, if there is one. */
    public static Optional<ReelforgeException> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(conflict(String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT)));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
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
