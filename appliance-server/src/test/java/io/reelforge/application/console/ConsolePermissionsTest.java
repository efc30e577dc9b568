package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authz.AuthorizationException;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.infrastructure.security.ConsoleRealm;
import io.reelforge.infrastructure.security.PasswordHasher;

/**
 * The services themselves refuse what a role lacks, whatever the UI shows: a viewer calling the ledger
 * service directly is stopped before anything is read or written (the service has no repositories here).
 */
class ConsolePermissionsTest {

    private static final Map<String, ConsoleUser> USERS = new HashMap<>();
    private static DefaultSecurityManager manager;

    @BeforeAll
    static void realm() {
        for (ConsoleRole role : ConsoleRole.values()) {
            String name = role.name().toLowerCase();
            USERS.put(name, new ConsoleUser(name, PasswordHasher.hash((name + "-password").toCharArray()), role, false, Instant.now()));
        }
        manager = new DefaultSecurityManager(new ConsoleRealm(new ConsoleUserRepository() {
            @Override
            public Optional<ConsoleUser> byUsername(String username) {
                return Optional.ofNullable(USERS.get(username));
            }

            @Override
            public void store(ConsoleUser user) {
                USERS.put(user.username(), user);
            }

            @Override
            public long count() {
                return USERS.size();
            }

            @Override
            public java.util.List<ConsoleUser> all() {
                return java.util.List.copyOf(USERS.values());
            }
        }));
    }

    @AfterEach
    void unbind() {
        ThreadContext.unbindSubject();
    }

    private static Subject login(String name) {
        Subject s = new Subject.Builder(manager).buildSubject();
        s.login(new UsernamePasswordToken(name, name + "-password"));
        ThreadContext.bind(s);
        return s;
    }

    @Test
    void viewerCannotGrantCreditsEvenCallingTheServiceDirectly() {
        login("viewer");
        assertThrows(AuthorizationException.class, () -> new LedgerAdmin().adjust("any-account", 1_000, "free money"));
        assertThrows(AuthorizationException.class, () -> new KeyAdmin().revoke("any-key"));
    }

    @Test
    void operatorsGrantButOnlyAdminsDeductOrOverdraw() {
        Subject operator = login("operator");
        assertTrue(operator.isPermitted("ledger:grant"));
        assertFalse(operator.isPermitted("ledger:deduct"), "ledger:grant no longer allows deductions");
        assertFalse(operator.isPermitted("ledger:overdraw"));
        assertThrows(AuthorizationException.class, () -> new LedgerAdmin().adjust("any-account", -1_000, "take it back"));
        assertThrows(AuthorizationException.class, () -> new LedgerAdmin().adjust("any-account", 10, "below zero", true));
        ThreadContext.unbindSubject();
        Subject admin = login("admin");
        assertTrue(admin.isPermitted("ledger:deduct") && admin.isPermitted("ledger:overdraw"));
    }

    @Test
    void viewerCannotEditPlansOrQuotasEvenCallingTheServicesDirectly() {
        login("viewer");
        PlanDraft plan = new PlanDraft();
        assertThrows(AuthorizationException.class, () -> new PlanAdmin().save(plan));
        plan.setExisting(true);
        assertThrows(AuthorizationException.class, () -> new PlanAdmin().save(plan));
        AccountDraft account = new AccountDraft();
        account.setId("any-account");
        account.setName("quota change");
        assertThrows(AuthorizationException.class, () -> new AccountAdmin().save(account));
    }

    @Test
    void onlyAdminsChangeModelVersionsViewersAndOperatorsReadThem() {
        for (String role : new String[] {"viewer", "operator"}) {
            Subject s = login(role);
            assertTrue(s.isPermitted("models:read"), role);
            ModelAdmin models = new ModelAdmin();
            assertThrows(AuthorizationException.class, () -> models.importFrom("tiny-wan"), role);
            assertThrows(AuthorizationException.class, () -> models.activate("wan2.1-t2v-1.3b", "1"), role);
            assertThrows(AuthorizationException.class, () -> models.rollback("wan2.1-t2v-1.3b"), role);
            assertThrows(AuthorizationException.class, () -> models.remove("wan2.1-t2v-1.3b", "1"), role);
            ThreadContext.unbindSubject();
        }
        Subject admin = login("admin");
        assertTrue(admin.isPermitted("models:import") && admin.isPermitted("models:activate")
                && admin.isPermitted("models:remove"));
    }

    @Test
    void everyRoleReadsUpstreamsOnlyAdminsAddTestEnableOrRemoveThem() {
        for (String role : new String[] {"viewer", "operator"}) {
            Subject s = login(role);
            assertTrue(s.isPermitted("engines:read"), role);
            UpstreamAdmin upstreams = new UpstreamAdmin();
            assertThrows(AuthorizationException.class, () -> upstreams.add("http://gpu-1:8000/v1", 1, "sk"), role);
            assertThrows(AuthorizationException.class, () -> upstreams.test("any"), role);
            assertThrows(AuthorizationException.class, () -> upstreams.enable("any", false), role);
            assertThrows(AuthorizationException.class, () -> upstreams.remove("any"), role);
            ThreadContext.unbindSubject();
        }
        assertTrue(login("admin").isPermitted("engines:manage"));
    }

    @Test
    void everyRoleReadsWebhooksButAViewerCannotChangeThemEvenCallingTheServiceDirectly() {
        Subject viewer = login("viewer");
        assertTrue(viewer.isPermitted("webhooks:read"));
        assertFalse(viewer.isPermitted("webhooks:manage"));
        WebhookAdmin webhooks = new WebhookAdmin();
        WebhookDraft draft = new WebhookDraft();
        draft.setAccountId("any-account");
        draft.setUrl("https://cms.internal/hooks/reelforge");
        assertThrows(AuthorizationException.class, () -> webhooks.create(draft));
        assertThrows(AuthorizationException.class, () -> webhooks.delete("we_any"));
        assertThrows(AuthorizationException.class, () -> webhooks.enable("we_any"));
        assertThrows(AuthorizationException.class, () -> webhooks.rotateSecret("we_any"));
        assertThrows(AuthorizationException.class, () -> webhooks.redeliver("dlv_any"));
        ThreadContext.unbindSubject();
        for (String role : new String[] {"operator", "admin"}) {
            Subject s = login(role);
            assertTrue(s.isPermitted("webhooks:read") && s.isPermitted("webhooks:manage"), role);
            ThreadContext.unbindSubject();
        }
        ThreadContext.bind(new Subject.Builder(manager).buildSubject());
        assertThrows(AuthorizationException.class, () -> webhooks.countDeliveries(
                io.reelforge.domain.model.webhook.DeliveryFilter.ALL), "anonymous: not even a read");
    }

    @Test
    void operatorRunsJobsAccountsAndCreditsButNotUsersOrSettings() {
        Subject s = login("operator");
        assertTrue(s.isPermitted("keys:create"));
        assertTrue(s.isPermitted("keys:revoke"));
        assertTrue(s.isPermitted("ledger:grant"));
        assertTrue(s.isPermitted("accounts:update"));
        assertTrue(s.isPermitted("generations:cancel"));
        assertFalse(s.isPermitted("users:read"));
        assertFalse(s.isPermitted("settings:update"));
        assertFalse(s.isPermitted("plans:update"));
        assertThrows(AuthorizationException.class, () -> new ConsoleUserAdmin().all());
        assertThrows(AuthorizationException.class, () -> new ConsoleUserAdmin().resetPassword("admin"));
        assertThrows(AuthorizationException.class, () -> new ConsoleUserAdmin().create(new UserDraft()));
        assertThrows(AuthorizationException.class, () -> new SettingsAdmin().save(new SettingsDraft()));
        assertThrows(AuthorizationException.class, () -> new SettingsAdmin().rotateUrlKey(true));
        assertThrows(AuthorizationException.class, () -> new SettingsAdmin().removeSafetyTerm("any-term"));
    }

    @Test
    void aDisabledUserCannotLogInAndLosesPermissionsAtOnce() {
        Subject s = login("operator");
        assertTrue(s.isPermitted("ledger:grant"));
        USERS.get("operator").setDisabled(true);
        try {
            assertFalse(s.isPermitted("ledger:grant"), "an open session loses its permissions at once");
            Subject fresh = new Subject.Builder(manager).buildSubject();
            assertThrows(AuthenticationException.class,
                    () -> fresh.login(new UsernamePasswordToken("operator", "operator-password")));
        } finally {
            USERS.get("operator").setDisabled(false);
        }
    }

    @Test
    void adminMayDoAnything() {
        Subject s = login("admin");
        assertTrue(s.isPermitted("ledger:grant"));
        assertTrue(s.isPermitted("users:create"));
    }

    @Test
    void anonymousCallsAreRefused() {
        ThreadContext.bind(new Subject.Builder(manager).buildSubject());
        assertThrows(AuthorizationException.class, () -> new AccountAdmin().count());
    }

    @Test
    void wrongPasswordIsRefused() {
        Subject s = new Subject.Builder(manager).buildSubject();
        assertThrows(AuthenticationException.class, () -> s.login(new UsernamePasswordToken("admin", "guess")));
    }
}
