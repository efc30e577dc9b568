package io.reelforge.sdk;

import java.util.List;

/** {@code GET /v1/account}: the calling key's account. */
public record Account(String accountId, String name, String status, Plan plan, long balance, long inFlight,
                      Limits limits, Key key) {
    public record Plan(String id, String name, long creditsPerPeriod, boolean videoAllowed, long creditsPerClip) {
    }

    /** dailyClipCap is null when there is none. */
    public record Limits(int maxConcurrentJobs, Integer dailyClipCap, List<String> allowedResolutions) {
    }

    /** The calling key: mode live or test, and its prefix. */
    public record Key(String mode, String prefix) {
    }
}
