package io.reelforge.domain.model.webhook;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The waits between attempts: the first attempt is immediate, the n-th retry waits {@code delays[n-1]} after
 * the failure before it. Past the last delay the delivery is given up.
 */
public record RetrySchedule(List<Duration> delays) {

    public static RetrySchedule parse(String commaSeparated) {
        return new RetrySchedule(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Duration::parse).toList());
    }

    /** The wait after this many failures in a row, or empty when no retry is left. */
    public Optional<Duration> after(int failures) {
        return failures >= 1 && failures <= delays.size() ? Optional.of(delays.get(failures - 1)) : Optional.empty();
    }

    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
