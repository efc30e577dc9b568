package io.reelforge.application.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Console users, for admins: create one with a one-time password (shown once, replaced at first login),
 * change a role, disable or enable, reset a password. Nobody changes their own role, disables themselves or
 * resets their own password here, so an admin cannot lock the last way in by accident.
 */
@ApplicationScoped
@Transactional
public class ConsoleUserAdmin {

    public record UserRow(String username, String role, boolean disabled, boolean mustChangePassword,
                          boolean throttled, Instant createdAt, Instant lastSignInAt) {
    }

    /** One open console session; {@code current} for the caller's own. */
    public record SessionRow(String id, String username, Instant startedAt, Instant lastSeenAt, String sourceAddress,
                             String node, boolean current) {
    }

    /** The only time a one-time password exists outside its holder: show it, then forget it. */
    public record OneTimePassword(String username, String password) {
    }

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    ConsoleUserFactory factory;

    @Inject
    LoginThrottle throttle;

    @Inject
    ConsoleSessionRegistry registry;

    public List<UserRow> all() {
        ConsoleSubject.require("users:read");
        return users.all().stream().map(u -> new UserRow(u.username(), wire(u.role()), u.isDisabled(),
                u.mustChangePassword(), throttle.isThrottled(u.username()), u.createdAt(), u.lastSignInAt())).toList();
    }

    /** A user's open console sessions, newest first. */
    public List<SessionRow> sessions(String username) {
        ConsoleSubject.require("users:read");
        String mine = ConsoleSubject.request().flatMap(registry::current).orElse(null);
        return registry.of(find(username).username()).stream().map(s -> new SessionRow(s.id(), s.username(),
                s.startedAt(), s.lastSeenAt(), s.sourceAddress(), s.node(), s.id().equals(mine))).toList();
    }

    /** Signs a session out: its browser's next step is the sign-in page. Ending one's own is a plain log out. */
    public void endSession(String username, String sessionId) {
        String actor = ConsoleSubject.require("users:update");
        ConsoleUser u = find(username);
        SessionRow s = registry.of(u.username()).stream().filter(r -> r.id().equals(sessionId)).findFirst()
                .map(r -> new SessionRow(r.id(), r.username(), r.startedAt(), r.lastSeenAt(), r.sourceAddress(), r.node(), false))
                .orElseThrow(() -> ReelforgeException.notFound("console_session", sessionId));
        registry.end(s.id());
        audit.record(actor, "users:end-session", u.id(), u.username() + ": session from " + s.sourceAddress()
                + " started " + s.startedAt());
    }

    public UserDraft draftOf(String username) {
        ConsoleSubject.require("users:read");
        ConsoleUser u = find(username);
        UserDraft d = new UserDraft();
        d.setExisting(true);
        d.setUsername(u.username());
        d.setRole(wire(u.role()));
        d.setDisabled(u.isDisabled());
        return d;
    }

    public OneTimePassword create(UserDraft draft) {
        String actor = ConsoleSubject.require("users:create");
        Drafts.check(validator, draft, "user.invalid");
        ConsoleUserFactory.Issued issued = factory.create(actor, draft.getUsername(), role(draft), draft.isDisabled(),
                "as " + draft.getRole());
        return new OneTimePassword(issued.user().username(), issued.password());
    }

    /** Applies the draft's role and disabled flag; each change is its own audit line. */
    public void update(UserDraft draft) {
        String actor = ConsoleSubject.require("users:update");
        Drafts.check(validator, draft, "user.invalid");
        ConsoleUser u = other(actor, draft.getUsername());
        ConsoleRole role = role(draft);
        if (u.role() != role) {
            audit.record(actor, "users:role", u.id(), u.username() + ": " + wire(u.role()) + " -> " + wire(role));
            u.changeRole(role);
        }
        if (u.isDisabled() != draft.isDisabled()) {
            u.setDisabled(draft.isDisabled());
            audit.record(actor, draft.isDisabled() ? "users:disable" : "users:enable", u.id(), u.username());
        }
    }

    /** A new one-time password; the old one stops working and the user must choose their own at next login. */
    public OneTimePassword resetPassword(String username) {
        String actor = ConsoleSubject.require("users:update");
        ConsoleUserFactory.Issued issued = factory.resetPassword(actor, other(actor, username), "");
        return new OneTimePassword(issued.user().username(), issued.password());
    }

    /** Lifts the sign-in delays on a user's name at once (say, after someone guessed at it from many addresses). */
    public void unlock(String username) {
        String actor = ConsoleSubject.require("users:update");
        ConsoleUser u = find(username);
        throttle.unlock(u.username());
        audit.record(actor, "users:unlock", u.id(), u.username());
    }

    private ConsoleUser find(String username) {
        return users.byUsername(username).orElseThrow(() -> ReelforgeException.notFound("console_user", username));
    }

    private ConsoleUser other(String actor, String username) {
        ConsoleUser u = find(username);
        if (actor.equals(ConsoleSubject.actor(u.username()))) {
            throw ReelforgeException.conflict("user.self",
                    "You cannot change your own role, disable yourself or reset your own password here; ask another admin.");
        }
        return u;
    }

    private static ConsoleRole role(UserDraft draft) {
        return ConsoleRole.valueOf(draft.getRole().toUpperCase(Locale.ROOT));
    }

    private static String wire(ConsoleRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
