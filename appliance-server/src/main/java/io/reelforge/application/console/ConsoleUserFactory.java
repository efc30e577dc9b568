package io.reelforge.application.console;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserName;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The one place local console users are made and given one-time passwords, whoever asks: an admin in the console
 * ({@link ConsoleUserAdmin}), the host's {@code reelforge create-admin} and {@code reset-admin-password}
 * ({@code Maintenance}), and the first start ({@code Seeder}). One name rule ({@link ConsoleUserName}), one
 * uniqueness check, one kind of password (random, shown once, replaced at the next sign-in), one audit action per
 * event ({@code users:create}, {@code users:reset-password}) whose detail says where it came from. Callers check
 * their own permission first.
 */
@ApplicationScoped
@Transactional
public class ConsoleUserFactory {

    /** The only time a one-time password exists outside its holder: show it, then forget it. */
    public record Issued(ConsoleUser user, String password) {
    }

    @Inject
    Passwords passwords;

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * A new local user with a one-time password. {@code from} ends the audit line, e.g. "as operator" or
     * "(admin, from the host)". Refused with 422 for a name that breaks the rule, 409 for a name that is taken.
     */
    public Issued create(String actor, String username, ConsoleRole role, boolean disabled, String from) {
        if (!ConsoleUserName.isValid(username)) {
            throw ReelforgeException.validation("username", "username.invalid", "A user name is " + ConsoleUserName.RULE + ".");
        }
        if (users.byUsername(username).isPresent()) {
            throw ReelforgeException.conflict("user.exists", "There is already a console user named " + username + ".");
        }
        String password = passwords.oneTimePassword();
        ConsoleUser u = new ConsoleUser(username, passwords.hash(password.toCharArray()), role, true, clock.instant());
        u.setDisabled(disabled);
        users.store(u);
        audit.record(actor, "users:create", u.id(), username + " " + from);
        return new Issued(u, password);
    }

    /**
     * A new one-time password for a local user: the old one stops working and the user must choose their own at
     * the next sign-in. Refused with 409 for a user a directory vouches for (their password lives there).
     */
    public Issued resetPassword(String actor, ConsoleUser u, String from) {
        if (!u.isLocal()) {
            throw ReelforgeException.conflict("user.directory", u.username() + " signs in through the directory: reset"
                    + " the password there.");
        }
        String password = passwords.oneTimePassword();
        u.resetPassword(passwords.hash(password.toCharArray()));
        audit.record(actor, "users:reset-password", u.id(), u.username() + (from.isEmpty() ? "" : " " + from));
        return new Issued(u, password);
    }
}
