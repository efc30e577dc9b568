package io.reelforge.domain.shared;

/** The account has submitted its daily cap of clips; the cap resets at midnight UTC. */
public class DailyClipCapException extends RateLimitedException {

    public DailyClipCapException(int cap, long secondsToMidnightUtc) {
        super("daily_clip_cap_exceeded",
                "This account may submit " + cap + " clips per day (UTC) and has reached that cap. "
                        + "It resets at midnight UTC, in " + secondsToMidnightUtc + " s.", secondsToMidnightUtc);
    }
}
