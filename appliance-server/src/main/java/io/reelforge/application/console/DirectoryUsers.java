package io.reelforge.application.console;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;

/**
 * Console users a directory vouched for: made at their first sign-in (marked with the source, no local password),
 * their role brought up to date from their groups at each sign-in, so the audit log, the users page and the
 * sessions name them like local users. An admin may still disable one here; a local user's name is never taken.
 */
@ApplicationScoped
@Transactional
public class DirectoryUsers {

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    DirectorySignIn directories;

    public boolean ldapEnabled() {
        return directories.ldapEnabled();
    }

    /** Whether this directory user may have a console session now; makes or updates their console user. */
    boolean admit(DirectoryPrincipal who) {
        Optional<ConsoleUser> existing = users.byUsername(who.username());
        String actor = ConsoleSubject.actor(who.username());
        String source = who.source().name().toLowerCase(Locale.ROOT);
        if (existing.isEmpty()) {
            ConsoleUser u = ConsoleUser.fromDirectory(who.username(), who.source(), who.role(), clock.instant());
            users.store(u);
            audit.record(actor, "users:create", u.id(), u.username() + " as " + wire(who) + " from " + source);
            return true;
        }
        ConsoleUser u = existing.get();
        if (u.source() != who.source() || u.isDisabled()) {
            return false;
        }
        if (u.role() != who.role()) {
            audit.record(actor, "users:role", u.id(), u.username() + ": " + u.role().name().toLowerCase(Locale.ROOT)
                    + " -> " + wire(who) + " from " + source + " groups");
            u.changeRole(who.role());
        }
        return true;
    }

    private static String wire(DirectoryPrincipal who) {
        return who.role().name().toLowerCase(Locale.ROOT);
    }
}
