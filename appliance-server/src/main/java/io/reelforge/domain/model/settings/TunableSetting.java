package io.reelforge.domain.model.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.reelforge.domain.model.webhook.RetrySchedule;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * A setting an operator may change while the appliance runs: every reader of it reads it again when it needs
 * it, so a stored value takes effect without a restart. The stored value wins over the configured one (system
 * property, environment, properties file) until it is removed. Host-only settings (test pacing) are changed
 * through the host's {@code reelforge} route only, never through the admin API.
 *
 * @param name     the configuration name, e.g. {@code reelforge.render.timeout}
 * @param kind     what a value must look like
 * @param hostOnly true when only the host's {@code /ops} route may change it
 * @param effect   what a change does, for the operator
 */
public record TunableSetting(String name, Kind kind, boolean hostOnly, String effect) {

    /** The per-plan request rate: {@code reelforge.ratelimit.requests-per-minute.<plan id>}. */
    public static final String PLAN_RATE_PREFIX = "reelforge.ratelimit.requests-per-minute.";

    public enum Kind {
        /** An ISO-8601 duration over zero, e.g. {@code PT10M}. */
        DURATION,
        /** An ISO-8601 duration, zero allowed. */
        DURATION_OR_ZERO,
        /** A whole number, 0 or more. */
        COUNT,
        /** {@code auto} or a whole number from 1 to 1024. */
        SLOTS,
        /** Comma-separated addresses or CIDR ranges, or empty (checked by the address policy that reads them). */
        ADDRESSES,
        /** Comma-separated ISO-8601 durations over zero, at most 50 (none: no retry). */
        RETRY_SCHEDULE,
        /** An engine's id, e.g. {@code djl} (that the appliance has it is checked by the service that stores it). */
        ENGINE,
        /** A model family's id, e.g. {@code wan2.1-t2v-1.3b} (checked against the known families in the same way). */
        MODEL_FAMILY
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final List<TunableSetting> ALL = List.of(
            new TunableSetting("reelforge.render.timeout", Kind.DURATION, false, "the time limit of renders started from now on"),
            new TunableSetting("reelforge.render.slots", Kind.SLOTS, false,
                    "renders at once on each node; lowering it lets renders in progress finish and starts no new one until below it"),
            new TunableSetting("reelforge.output.retention", Kind.DURATION, false, "how long clips completed from now on are kept"),
            new TunableSetting("reelforge.retention.interval", Kind.DURATION, false, "how often expired clips are deleted; rescheduled at once"),
            new TunableSetting("reelforge.health.storage.min-free-mb", Kind.COUNT, false,
                    "readiness fails and new clips are refused below this much free space (MiB)"),
            new TunableSetting("reelforge.live.keep-alive", Kind.DURATION, false, "how often live status streams get a keep-alive"),
            new TunableSetting("reelforge.ratelimit.requests-per-minute", Kind.COUNT, false,
                    "requests per minute per API key on plans without their own rate (0: no limit)"),
            new TunableSetting("reelforge.webhooks.allow-addresses", Kind.ADDRESSES, false,
                    "loopback, link-local or metadata addresses webhooks may reach anyway (empty: none)"),
            new TunableSetting("reelforge.webhooks.retry-schedule", Kind.RETRY_SCHEDULE, false,
                    "the waits before each retry of deliveries that fail from now on"),
            new TunableSetting("reelforge.webhooks.poll-interval", Kind.DURATION, false, "how often due webhook deliveries are looked for"),
            new TunableSetting("reelforge.webhooks.timeout", Kind.DURATION, false, "how long one webhook attempt may take"),
            new TunableSetting("reelforge.engine.default", Kind.ENGINE, false,
                    "the engine clips of live keys submitted from now on render on (test keys always use sandbox)"),
            new TunableSetting("reelforge.engine.djl.family", Kind.MODEL_FAMILY, false,
                    "the model family whose active version the djl engine renders, from the next render on"),
            new TunableSetting("reelforge.engine.sandbox.min-render-time", Kind.DURATION_OR_ZERO, true,
                    "the sandbox engine's least render time (test pacing), for renders started from now on"));

    /** The settings with a fixed name (the per-plan rates come on top, one per plan). */
    public static List<TunableSetting> all() {
        return ALL;
    }

    /** The tunable setting of this name: one of {@link #all()}, or a plan's request rate (the plan is not checked here). */
    public static Optional<TunableSetting> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(PLAN_RATE_PREFIX) && planOf(name).isPresent()) {
            return Optional.of(planRate(planOf(name).get()));
        }
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** Whether a stored value of this name wins over the configured one. */
    public static boolean isTunable(String name) {
        return named(name).isPresent();
    }

    public static TunableSetting planRate(String planId) {
        return new TunableSetting(PLAN_RATE_PREFIX + planId, Kind.COUNT, false,
                "requests per minute per API key on plan " + planId + " (0: no limit)");
    }

    /** The plan a per-plan rate's name is for, when the name is one. */
    public static Optional<String> planOf(String name) {
        String plan = name.startsWith(PLAN_RATE_PREFIX) ? name.substring(PLAN_RATE_PREFIX.length()) : "";
        return plan.matches("[a-z0-9][a-z0-9_-]{0,39}") ? Optional.of(plan) : Optional.empty();
    }

    /** The value as stored (trimmed, {@code auto} in lower case), or a 422 {@code settings.invalid} saying why not. */
    public String normalize(String value) {
        String v = value == null ? "" : value.trim();
        switch (kind) {
            case DURATION, DURATION_OR_ZERO -> {
                Duration d = duration(v);
                if (d.isNegative() || (kind == Kind.DURATION && d.isZero())) {
                    throw invalid(kind == Kind.DURATION ? "must be longer than zero" : "must not be negative");
                }
                if (d.compareTo(Duration.ofDays(36500)) > 0) {
                    throw invalid("must be at most 100 years");
                }
                return d.toString();
            }
            case COUNT -> {
                try {
                    long n = Long.parseLong(v);
                    if (n < 0 || (!name.endsWith("min-free-mb") && n > Integer.MAX_VALUE)) {
                        throw invalid("must be a whole number from 0 to " + (name.endsWith("min-free-mb") ? Long.MAX_VALUE : Integer.MAX_VALUE));
                    }
                    return Long.toString(n);
                } catch (NumberFormatException e) {
                    throw invalid("must be a whole number, e.g. 60");
                }
            }
            case SLOTS -> {
                if (v.equalsIgnoreCase("auto")) {
                    return "auto";
                }
                try {
                    int n = Integer.parseInt(v);
                    if (n >= 1 && n <= 1024) {
                        return Integer.toString(n);
                    }
                } catch (NumberFormatException e) {
                    // said below
                }
                throw invalid("must be auto or a whole number from 1 to 1024");
            }
            case RETRY_SCHEDULE -> {
                RetrySchedule schedule;
                try {
                    schedule = RetrySchedule.parse(v);
                } catch (DateTimeParseException e) {
                    throw invalid("must be ISO-8601 durations separated by commas, e.g. PT5S,PT5M,PT30M");
                }
                if (schedule.delays().size() > 50 || schedule.delays().stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                    throw invalid("must be at most 50 waits, each longer than zero");
                }
                return String.join(",", schedule.delays().stream().map(Duration::toString).toList());
            }
            case ADDRESSES -> {
                if (v.length() > 2000) {
                    throw invalid("must be at most 2000 characters");
                }
                return String.join(",", java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
            case ENGINE, MODEL_FAMILY -> {
                String id = v.toLowerCase(java.util.Locale.ROOT);
                if (!IDENTIFIER.matcher(id).matches()) {
                    throw invalid(kind == Kind.ENGINE ? "must be an engine's id, e.g. djl" : "must be a model family's id, e.g. wan2.1-t2v-1.3b");
                }
                return id;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private Duration duration(String v) {
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid("must be an ISO-8601 duration, e.g. PT30S or PT10M");
        }
    }

    private ReelforgeException invalid(String why) {
        return ReelforgeException.validation("value", "settings.invalid", name + " " + why + ".");
    }
}
