package io.reelforge.application.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/**
 * Slows password guessing without a lock anyone could trigger: failures are counted per source address and per
 * user name (unknown names too), each with growing delays. An address that keeps guessing waits up to
 * {@code reelforge.console.login.max-delay}; a user name guessed from many addresses waits at most
 * {@code reelforge.console.login.user-max-delay}, short on purpose, so nobody can keep a user out for long.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    SignInLimits settings;

    @Inject
    Clock clock;

    private Backoff byAddress;
    private Backoff byUser;

    @PostConstruct
    void init() {
        int free = settings.consoleLoginFreeFailures();
        Duration forget = Duration.ofMinutes(30);
        byAddress = new Backoff(free, settings.consoleLoginMaxDelay(), forget);
        byUser = new Backoff(free, settings.consoleLoginUserMaxDelay(), forget);
    }

    /** How long this attempt must wait before it is heard at all, if it must. */
    public Optional<Duration> waitFor(String username, String address) {
        var now = clock.instant();
        Optional<Duration> a = byAddress.waitFor(address, now);
        Optional<Duration> u = byUser.waitFor(key(username), now);
        if (a.isEmpty()) {
            return u;
        }
        return u.isEmpty() || a.get().compareTo(u.get()) >= 0 ? a : u;
    }

    public void failed(String username, String address) {
        var now = clock.instant();
        byAddress.failed(address, now);
        byUser.failed(key(username), now);
    }

    public void succeeded(String username, String address) {
        byAddress.clear(address);
        byUser.clear(key(username));
    }

    /** Whether a user's name is being slowed down now (shown to admins, who can {@link #unlock} it). */
    public boolean isThrottled(String username) {
        return byUser.failures(key(username), clock.instant()) > settings.consoleLoginFreeFailures();
    }

    public void unlock(String username) {
        byUser.clear(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
