package io.reelforge.infrastructure.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * A unique key the database refused, found anywhere in an exception's causes (JPA wraps the driver's exception).
 * Derby and PostgreSQL both report it as SQLState 23505 and name the constraint in the message.
 */
public final class UniqueKeys {

    /** The SQLState of a unique or primary key violation on Derby and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeys() {
    }

    /** The database's message for the refused key, upper-cased (it names the constraint), if one was refused. */
    public static Optional<String> violation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Whether the database refused this unique constraint (its name in upper case). */
    public static boolean violated(Throwable e, String constraint) {
        return violation(e).filter(message -> message.contains(constraint)).isPresent();
    }
}
