package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.apache.shiro.authz.AuthorizationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.console.ConsoleUserAdmin;
import io.reelforge.application.console.ConsoleUserAdmin.OneTimePassword;
import io.reelforge.application.console.UserDraft;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.PasswordHasher;

/**
 * {@link ConsoleUserAdmin}: console users are made with a one-time password, under the permission of the console
 * user acting (the real realm reads it from the database), never twice under one name, and nobody resets their own.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleUserAdminIT {

    @Inject
    Fixtures fixtures;

    @Inject
    ConsoleUserAdmin admin;

    @Inject
    ConsoleUserRepository users;

    @Inject
    Settings settings;

    @BeforeEach
    void ready() {
        fixtures.ready();
    }

    @Test
    void aNewUserGetsAOneTimePasswordThatMustBeChangedAndANameIsTakenOnce() throws Exception {
        String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        OneTimePassword otp = as(settings.consoleAdminUser(), () -> admin.create(draft(name, "viewer")));

        ConsoleUser created = fixtures.consoleUser(name);
        assertTrue(PasswordHasher.matches(otp.password().toCharArray(), created.passwordHash()));
        assertTrue(created.mustChangePassword());
        assertEquals("user.exists", assertThrows(ReelforgeException.class,
                () -> as(settings.consoleAdminUser(), () -> admin.create(draft(name, "operator")))).code());
    }

    @Test
    void aViewerMayNotCreateUsersAndAnAdminMayNotResetTheirOwnPassword() throws Exception {
        String viewer = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        as(settings.consoleAdminUser(), () -> admin.create(draft(viewer, "viewer")));

        assertThrows(AuthorizationException.class, () -> as(viewer, () -> admin.create(draft(viewer + "x", "admin"))));
        assertFalse(fixtures.consoleUserExists(viewer + "x"));
        assertEquals("user.self", assertThrows(ReelforgeException.class,
                () -> as(settings.consoleAdminUser(), () -> admin.resetPassword(settings.consoleAdminUser()))).code());
    }

    /** Runs the call as that console user, signed in, with the permissions the console's realm gives them. */
    private <T> T as(String username, Callable<T> call) throws Exception {
        return AsConsoleUser.call(users, username, call);
    }

    private static UserDraft draft(String username, String role) {
        UserDraft d = new UserDraft();
        d.setUsername(username);
        d.setRole(role);
        return d;
    }
}
