package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserSource;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.persistence.TransactionalRepositories;
import io.reelforge.infrastructure.security.BcryptPasswords;
import io.reelforge.infrastructure.security.PasswordHasher;

/**
 * The one console-user factory on real Derby and PostgreSQL: the console, the host's create-admin and the first
 * start all make users through it, so one name rule, one uniqueness check, one one-time password and one audit
 * action hold for all of them.
 */
class ConsoleUserFactoryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private TransactionalRepositories db;
    private ConsoleUserFactory factory;

    private void open(String kind) throws Exception {
        db = TransactionalRepositories.open(kind, "console-user-factory");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditLog audit = new AuditLog();
        audit.entries = db.audit();
        audit.clock = clock;
        factory = new ConsoleUserFactory();
        factory.users = db.consoleUsers();
        factory.audit = audit;
        factory.clock = clock;
        factory.passwords = new BcryptPasswords();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aNewUserHasAOneTimePasswordAndOneAuditLine(String kind) throws Exception {
        open(kind);
        ConsoleUserFactory.Issued issued = db.inTransaction(
                () -> factory.create("admin", "ops.team@example", ConsoleRole.OPERATOR, false, "as operator"));
        ConsoleUser stored = db.inTransaction(() -> db.consoleUsers().byUsername("ops.team@example").orElseThrow());
        assertEquals(ConsoleRole.OPERATOR, stored.role());
        assertTrue(stored.mustChangePassword(), "a one-time password is replaced at the first sign-in");
        assertTrue(stored.isLocal());
        assertTrue(PasswordHasher.matches(issued.password().toCharArray(), stored.passwordHash()));
        assertFalse(stored.passwordHash().contains(issued.password()), "only the hash is stored");
        List<AuditEntry> lines = db.inTransaction(() -> db.audit().page(AuditQuery.ALL, 0, 10));
        assertEquals(1, lines.size());
        assertEquals("users:create", lines.get(0).action());
        assertEquals("ops.team@example as operator", lines.get(0).detail());
        assertEquals(stored.id(), lines.get(0).target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aTakenNameIsA409AndNothingIsWritten(String kind) throws Exception {
        open(kind);
        db.inTransaction(() -> factory.create("system", "admin", ConsoleRole.ADMIN, false, "(first admin)"));
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> db.inTransaction(
                () -> factory.create("host", "admin", ConsoleRole.ADMIN, false, "(admin, from the host)")));
        assertEquals("user.exists", e.code());
        assertEquals(409, e.type().httpStatus());
        assertEquals(1, db.inTransaction(() -> db.audit().page(AuditQuery.ALL, 0, 10)).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void oneNameRuleForEveryCaller(String kind) throws Exception {
        open(kind);
        for (String bad : new String[] {"Admin", "a", "-ops", "../etc", "ops team", "", "x".repeat(65)}) {
            ReelforgeException e = assertThrows(ReelforgeException.class, () -> db.inTransaction(
                    () -> factory.create("host", bad, ConsoleRole.ADMIN, false, "(admin, from the host)")), bad);
            assertEquals("username.invalid", e.code(), bad);
            assertEquals(422, e.type().httpStatus(), bad);
        }
        assertThrows(ReelforgeException.class, () -> factory.create("host", null, ConsoleRole.ADMIN, false, ""));
        db.inTransaction(() -> factory.create("host", "x".repeat(64), ConsoleRole.VIEWER, true, "as viewer"));
        assertTrue(db.inTransaction(() -> db.consoleUsers().byUsername("x".repeat(64)).orElseThrow().isDisabled()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aResetReplacesThePasswordButNotADirectoryUsers(String kind) throws Exception {
        open(kind);
        String first = db.inTransaction(() -> factory.create("system", "admin", ConsoleRole.ADMIN, false, "(first admin)")).password();
        String second = db.inTransaction(() -> {
            ConsoleUser u = db.consoleUsers().byUsername("admin").orElseThrow();
            u.changePassword(PasswordHasher.hash("chosen-by-the-admin".toCharArray()));
            return factory.resetPassword("host", u, "(from the host)").password();
        });
        assertNotEquals(first, second);
        ConsoleUser reset = db.inTransaction(() -> db.consoleUsers().byUsername("admin").orElseThrow());
        assertTrue(reset.mustChangePassword());
        assertTrue(PasswordHasher.matches(second.toCharArray(), reset.passwordHash()));
        assertFalse(PasswordHasher.matches("chosen-by-the-admin".toCharArray(), reset.passwordHash()));

        db.inTransaction(() -> db.consoleUsers().store(ConsoleUser.fromDirectory("dir.user", ConsoleUserSource.LDAP, ConsoleRole.VIEWER, NOW)));
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> db.inTransaction(
                () -> factory.resetPassword("host", db.consoleUsers().byUsername("dir.user").orElseThrow(), "(from the host)")));
        assertEquals("user.directory", e.code());
        List<AuditEntry> lines = db.inTransaction(() -> db.audit().page(AuditQuery.ALL, 0, 10));
        // one line each (the clock is fixed, so the two share a time): the refused reset wrote none
        assertEquals(List.of("users:create", "users:reset-password"), lines.stream().map(AuditEntry::action).sorted().toList());
        assertEquals(List.of("admin (from the host)"), lines.stream().filter(l -> l.action().equals("users:reset-password"))
                .map(AuditEntry::detail).toList());
    }
}
