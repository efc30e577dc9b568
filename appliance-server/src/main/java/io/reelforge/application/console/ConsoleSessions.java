package io.reelforge.application.console;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.subject.WebSubject;

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

    public enum LoginOutcome { OK, MUST_CHANGE_PASSWORD, REFUSED }

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
     * Returns an outcome rather than throwing, so the failure count commits with the transaction. Unknown
     * names, wrong passwords, disabled and locked users all get the same REFUSED in about the same time (a
     * locked or unknown user's password is checked against a decoy hash), so the answer never tells whether a
     * user exists. On success the HTTP session gets a new id, so an id planted before login is worthless.
     */
    public LoginOutcome login(String username, char[] password) {
        LoginOutcome outcome = signIn(username, password);
        if (outcome == LoginOutcome.OK || outcome == LoginOutcome.MUST_CHANGE_PASSWORD) {
            Subject subject = SecurityUtils.getSubject();
            subject.getSession().setTimeout(settings.consoleSessionTimeout().toMillis());
            audit.record(ConsoleSubject.actor(subject), "console:login", users.byUsername(username).orElseThrow().id(), null);
        }
        return outcome;
    }

    /**
     * The admin API's sign-in, once per request with HTTP Basic credentials on a subject without a session: the
     * same lockout and failure audit as the console's login, but no audit line for each successful call.
     */
    public LoginOutcome authenticate(String username, char[] password) {
        return signIn(username, password);
    }

    private LoginOutcome signIn(String username, char[] password) {
        Optional<ConsoleUser> user = users.byUsername(username);
        if (user.isEmpty() || user.get().isLockedAt(clock.instant())) {
            PasswordHasher.spendCheckTime(password);
            user.ifPresent(u -> audit.record(ConsoleSubject.actor(u.username()), "console:login-refused", u.id(), "locked until " + u.lockedUntil()));
            return LoginOutcome.REFUSED;
        }
        try {
            SecurityUtils.getSubject().login(new UsernamePasswordToken(username, password));
        } catch (AuthenticationException e) {
            ConsoleUser u = user.get();
            u.loginFailed(clock.instant(), settings.consoleMaxFailedLogins(), settings.consoleLockout());
            audit.record(ConsoleSubject.actor(u.username()), "console:login-failed", u.id(),
                    u.isDisabled() ? "disabled" : u.isLockedAt(clock.instant()) ? "locked until " + u.lockedUntil() : null);
            return LoginOutcome.REFUSED;
        }
        renewSessionId(SecurityUtils.getSubject());
        ConsoleUser u = user.get();
        u.loginSucceeded();
        return u.mustChangePassword() ? LoginOutcome.MUST_CHANGE_PASSWORD : LoginOutcome.OK;
    }

    /** Session fixation: same session and attributes (Vaadin's UI state included), new id and cookie. */
    private static void renewSessionId(Subject subject) {
        if (subject instanceof WebSubject web && web.getServletRequest() instanceof HttpServletRequest request
                && request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    public Optional<ConsoleUserView> current() {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated()) {
            return Optional.empty();
        }
        return users.byUsername((String) subject.getPrincipal()).map(u ->
                new ConsoleUserView(u.username(), u.role().name().toLowerCase(java.util.Locale.ROOT), u.mustChangePassword()));
    }

    /** Whether the current user's role allows this; the console shows only what may be used (services still check). */
    public boolean isPermitted(String permission) {
        Subject subject = SecurityUtils.getSubject();
        return subject.isAuthenticated() && subject.isPermitted(permission);
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
