package io.reelforge.application.console;

import java.net.URI;
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
import io.reelforge.domain.model.console.ConsoleUserSource;
import io.reelforge.domain.shared.ReelforgeException;

/** Logging in and out of the console (and the admin API's sign-in), with throttling, and changing one's own password. */
@ApplicationScoped
@Transactional
public class ConsoleSessions {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ConsoleSessions.class.getName());

    /** The minimum length of a chosen password. */
    public static final int MIN_PASSWORD = 12;

    /**
     * NO_ROLE: the directory knows the user, but none of their groups is mapped to a console role; UNAVAILABLE: the
     * directory could not be asked, so nothing was decided about the password.
     */
    public enum LoginOutcome { OK, MUST_CHANGE_PASSWORD, REFUSED, THROTTLED, NO_ROLE, UNAVAILABLE }

    public record ConsoleUserView(String username, String role, boolean mustChangePassword) {
    }

    @Inject
    Passwords passwords;

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    SignInLimits settings;

    @Inject
    DirectorySignIn directories;

    @Inject
    LoginThrottle throttle;

    @Inject
    ConsoleSessionRegistry registry;

    @Inject
    java.time.Clock clock;

    @Inject
    DirectoryUsers directoryUsers;

    @Inject
    OidcVerifier oidc;

    /**
     * Returns an outcome rather than throwing, so the failure's audit line commits with the transaction. Unknown
     * names, wrong passwords and disabled users all get the same REFUSED in about the same time (an unknown
     * user's password is checked against a decoy hash), so the answer never tells whether a user exists; an
     * address or user name that failed too often gets THROTTLED until its delay passes ({@link LoginThrottle}),
     * unknown names alike. On success the HTTP session gets a new id, so an id planted before login is worthless.
     */
    public LoginOutcome login(String username, char[] password) {
        LoginOutcome outcome = signIn(username, password);
        if (outcome == LoginOutcome.OK || outcome == LoginOutcome.MUST_CHANGE_PASSWORD) {
            opened(SecurityUtils.getSubject());
        }
        return outcome;
    }

    /** A console session opened: its idle timeout, and the audit line naming the user and how they signed in. */
    private void opened(Subject subject) {
        subject.getSession().setTimeout(settings.consoleSessionTimeout().toMillis());
        ConsoleUser u = users.byUsername((String) subject.getPrincipal()).orElseThrow();
        u.signedIn(clock.instant());
        if (subject instanceof WebSubject web && web.getServletRequest() instanceof HttpServletRequest request) {
            registry.started(request, u.username());
        }
        audit.record(ConsoleSubject.actor(subject), "console:login", u.id(), "from " + sourceAddress()
                + (u.isLocal() ? "" : " via " + u.source().name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The admin API's sign-in, once per request with HTTP Basic credentials on a subject without a session: the
     * same throttling and failure audit as the console's login, but no audit line for each successful call.
     */
    public LoginOutcome authenticate(String username, char[] password) {
        return signIn(username, password);
    }

    /** How long a THROTTLED caller should wait before trying again (whole seconds, at least 1). */
    public long retryAfterSeconds(String username) {
        return throttle.waitFor(username, sourceAddress()).map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(1L);
    }

    private LoginOutcome signIn(String username, char[] password) {
        String from = sourceAddress();
        if (throttle.waitFor(username, from).isPresent()) {
            // Not audited one by one: a throttled attempt checks no password, and a flood of them must not flood the log.
            return LoginOutcome.THROTTLED;
        }
        Optional<ConsoleUser> user = users.byUsername(username);
        if (user.filter(ConsoleUser::isLocal).isEmpty() && directoryUsers.ldapEnabled()) {
            // Local names win: a local user's password is never sent to the directory, nor can a directory
            // account of the same name take the break-glass admin over.
            return ldapSignIn(username, password, from);
        }
        if (user.isEmpty()) {
            passwords.spendCheckTime(password);
            throttle.failed(username, from);
            audit.record("anonymous", "console:login-failed", null, "unknown user \"" + printable(username) + "\" from " + from);
            return LoginOutcome.REFUSED;
        }
        try {
            SecurityUtils.getSubject().login(new UsernamePasswordToken(username, password));
        } catch (AuthenticationException e) {
            ConsoleUser u = user.get();
            throttle.failed(username, from);
            audit.record(ConsoleSubject.actor(u.username()), "console:login-failed", u.id(),
                    (u.isDisabled() ? "disabled user" : "wrong password") + " from " + from);
            return LoginOutcome.REFUSED;
        }
        throttle.succeeded(username, from);
        renewSessionId(SecurityUtils.getSubject());
        ConsoleUser u = user.get();
        return u.mustChangePassword() ? LoginOutcome.MUST_CHANGE_PASSWORD : LoginOutcome.OK;
    }

    /**
     * The directory checks the password by a bind; a user it vouches for and whose groups give a role becomes (or
     * stays) a console user of that role ({@link DirectoryUsers}). A refusal counts for throttling like a wrong
     * local password; a directory that cannot be asked does not (it is no guess).
     */
    private LoginOutcome ldapSignIn(String username, char[] password, String from) {
        LdapToken token = new LdapToken(username, password, from);
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(token);
        } catch (DirectoryPrincipal.NoRoleException e) {
            throttle.succeeded(username, from);
            audit.record(ConsoleSubject.actor(e.username()), "console:login-failed", null,
                    "ldap user in no group mapped to a console role, from " + from);
            return LoginOutcome.NO_ROLE;
        } catch (DirectoryPrincipal.UnavailableException e) {
            LOG.warning(() -> "Console sign-in through LDAP: " + e.getMessage());
            audit.record("anonymous", "console:login-failed", null, "ldap directory unavailable, from " + from);
            return LoginOutcome.UNAVAILABLE;
        } catch (AuthenticationException e) {
            throttle.failed(username, from);
            audit.record("anonymous", "console:login-failed", null, "ldap refused \"" + printable(username) + "\" from " + from);
            return LoginOutcome.REFUSED;
        } finally {
            token.clear();
        }
        if (!admitted(subject, from)) {
            throttle.failed(username, from);
            return LoginOutcome.REFUSED;
        }
        throttle.succeeded(username, from);
        return LoginOutcome.OK;
    }

    /** Makes or updates the directory user the subject signed in as; signs them out again when refused. */
    private boolean admitted(Subject subject, String from) {
        DirectoryPrincipal who = subject.getPrincipals().oneByType(DirectoryPrincipal.class);
        if (!directoryUsers.admit(who)) {
            subject.logout();
            audit.record(ConsoleSubject.actor(who.username()), "console:login-failed", null,
                    source(who) + " user refused (disabled, or the name belongs to another sign-in source), from " + from);
            return false;
        }
        renewSessionId(subject);
        return true;
    }

    private static String source(DirectoryPrincipal who) {
        return who.source().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The "Sign in with ..." button's provider name, when OpenID Connect sign-in is configured. */
    public Optional<String> oidcProviderName() {
        return directories.oidcProviderName();
    }

    /** How an OpenID Connect callback ended, with the provider's ID token when the user is signed in (for the logout). */
    public record OidcLogin(LoginOutcome outcome, Optional<String> idToken) {
    }

    /**
     * Finishes an OpenID Connect sign-in at its callback: the provider's answer checked by {@link OidcVerifier},
     * then its user signed in, made or updated like an LDAP user, audited, a new session id. Not throttled: the
     * provider did the password check, and this takes no password. A user the provider vouches for, but in no group
     * mapped to a console role, is {@link DirectoryPrincipal.NoRoleException}; an answer that fails a check,
     * {@link OidcVerifier.FailedException}.
     */
    public OidcLogin oidcLogin(URI callback, OidcVerifier.Pending pending) throws OidcVerifier.FailedException {
        OidcVerifier.Verified verified = oidc.finish(callback, pending);
        Subject subject = SecurityUtils.getSubject();
        subject.login(new OidcToken(verified.who()));
        String from = sourceAddress();
        if (!admitted(subject, from)) {
            return new OidcLogin(LoginOutcome.REFUSED, Optional.empty());
        }
        opened(subject);
        return new OidcLogin(LoginOutcome.OK, Optional.of(verified.idToken()));
    }

    /** A provider's user whose groups give no console role. */
    public LoginOutcome oidcNoRole(String username) {
        audit.record(ConsoleSubject.actor(username), "console:login-failed", null,
                "oidc user in no group mapped to a console role, from " + sourceAddress());
        return LoginOutcome.NO_ROLE;
    }

    /** A sign-in the provider refused or that failed a check (state, token, signature): audited, no details shown. */
    public void oidcFailed(String reason) {
        audit.record("anonymous", "console:login-failed", null, "oidc sign-in failed (" + reason + "), from " + sourceAddress());
    }

    /** Whether the signed-in user came through OpenID Connect (their sign-out also ends the provider's session). */
    public boolean signedInThroughOidc() {
        Subject subject = SecurityUtils.getSubject();
        return subject.isAuthenticated() && subject.getPrincipals().oneByType(DirectoryPrincipal.class) != null
                && subject.getPrincipals().oneByType(DirectoryPrincipal.class).source() == ConsoleUserSource.OIDC;
    }

    /** The caller's address as the server saw it (a proxy's own, behind one; forwarded headers are not trusted). */
    private static String sourceAddress() {
        return ConsoleSubject.address().orElse("unknown");
    }

    /** A caller-chosen name as the audit log may show it: printable, and short. */
    private static String printable(String s) {
        String p = s.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return p.length() > 64 ? p.substring(0, 64) + "…" : p;
    }

    /** Session fixation: same session and attributes (Vaadin's UI state included), new id and cookie. */
    private static void renewSessionId(Subject subject) {
        if (subject instanceof WebSubject web && web.getServletRequest() instanceof HttpServletRequest request
                && request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    /** The signed-in user; empty too for a user disabled or removed since signing in (their session is over). */
    public Optional<ConsoleUserView> current() {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated()) {
            return Optional.empty();
        }
        return users.byUsername((String) subject.getPrincipal()).filter(u -> !u.isDisabled()).map(u ->
                new ConsoleUserView(u.username(), u.role().name().toLowerCase(java.util.Locale.ROOT), u.mustChangePassword()));
    }

    /** Whether this session signed in as a user who has since been disabled or removed. */
    public boolean endedByAdmin() {
        return SecurityUtils.getSubject().isAuthenticated() && current().isEmpty();
    }

    /** Whether the current user's role allows this; the console shows only what may be used (services still check). */
    public boolean isPermitted(String permission) {
        Subject subject = SecurityUtils.getSubject();
        return subject.isAuthenticated() && subject.isPermitted(permission);
    }

    /**
     * A new password of one's own. {@code current} is checked unless the user signed in with a one-time password
     * (an admin's reset, the first admin's printed one): this session proves it, and they were never asked to learn it.
     */
    public void changePassword(char[] current, char[] chosen) {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated()) {
            throw new org.apache.shiro.authz.UnauthenticatedException("not logged in");
        }
        ConsoleUser u = users.byUsername((String) subject.getPrincipal()).orElseThrow();
        if (!u.isLocal()) {
            throw ReelforgeException.validation("chosen", "password.directory",
                    "Your password is your directory's: change it there.");
        }
        if (!u.mustChangePassword() && !passwords.matches(current, u.passwordHash())) {
            throw ReelforgeException.validation("current", "password.wrong", "The current password is not right.");
        }
        if (chosen.length < MIN_PASSWORD) {
            throw ReelforgeException.validation("chosen", "password.too_short",
                    "A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (passwords.matches(chosen, u.passwordHash())) {
            throw ReelforgeException.validation("chosen", "password.unchanged", "Choose a password other than the current one.");
        }
        u.changePassword(passwords.hash(chosen));
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
