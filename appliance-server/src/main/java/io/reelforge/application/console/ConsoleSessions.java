package io.reelforge.application.console;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;

import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.PasswordHasher;

/** Logging in and out of the console, with throttling, and changing one's own password. */
@ApplicationScoped
@Transactional
public class ConsoleSessions {

    /** The minimum length of a chosen password. */
    public static final int MIN_PASSWORD = 12;

    public enum LoginOutcome { OK, MUST_CHANGE_PASSWORD, INVALID, THROTTLED }

    public record ConsoleUserView(String username, String role, boolean mustChangePassword) {
    }

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * Returns an outcome rather than throwing, so the failure count commits with the transaction. A locked
     * user is refused before the password is even checked; unknown names and wrong passwords look the same.
     */
    public LoginOutcome login(String username, char[] password) {
        Optional<ConsoleUser> user = users.byUsername(username);
        if (user.isPresent() && user.get().isLockedAt(clock.instant())) {
            return LoginOutcome.THROTTLED;
        }
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(new UsernamePasswordToken(username, password));
        } catch (AuthenticationException e) {
            user.ifPresent(u -> {
                u.loginFailed(clock.instant(), settings.consoleMaxFailedLogins(), settings.consoleLockout());
                audit.record("console:" + u.username(), "console:login-failed", u.id(),
                        u.isLockedAt(clock.instant()) ? "locked until " + u.lockedUntil() : null);
            });
            return LoginOutcome.INVALID;
        }
        ConsoleUser u = user.orElseThrow();
        u.loginSucceeded();
        subject.getSession().setTimeout(settings.consoleSessionTimeout().toMillis());
        audit.record(ConsoleSubject.actor(subject), "console:login", u.id(), null);
        return u.mustChangePassword() ? LoginOutcome.MUST_CHANGE_PASSWORD : LoginOutcome.OK;
    }

    public Optional<ConsoleUserView> current() {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated()) {
            return Optional.empty();
        }
        return users.byUsername((String) subject.getPrincipal()).map(u ->
                new ConsoleUserView(u.username(), u.role().name().toLowerCase(java.util.Locale.ROOT), u.mustChangePassword()));
    }

    public void changePassword(char[] current, char[] chosen) {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated()) {
            throw new org.apache.shiro.authz.UnauthenticatedException("not logged in");
        }
        ConsoleUser u = users.byUsername((String) subject.getPrincipal()).orElseThrow();
        if (!PasswordHasher.matches(current, u.passwordHash())) {
            throw ReelforgeException.validation("current", "password.wrong", "The current password is not right.");
        }
        if (chosen.length < MIN_PASSWORD) {
            throw ReelforgeException.validation("chosen", "password.too_short",
                    "A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (java.util.Arrays.equals(current, chosen)) {
            throw ReelforgeException.validation("chosen", "password.unchanged", "Choose a password other than the current one.");
        }
        u.changePassword(PasswordHasher.hash(chosen));
        audit.record(ConsoleSubject.actor(subject), "console:password-changed", u.id(), null);
    }

    public void logout() {
        Subject subject = SecurityUtils.getSubject();
        if (subject.isAuthenticated()) {
            audit.record(ConsoleSubject.actor(subject), "console:logout", null, null);
        }
        subject.logout();
    }
}
