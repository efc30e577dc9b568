package io.reelforge.domain.model.console;

import java.time.Instant;

/**
 * Which audit lines to show: {@code actor} and {@code action} match as a part of the text, ignoring case;
 * {@code from} is inclusive, {@code to} exclusive. Any of them may be null (no limit).
 */
public record AuditQuery(String actor, String action, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);
}
