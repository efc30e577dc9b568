package io.reelforge.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.Ledger;
import io.reelforge.application.console.AuditLog;
import io.reelforge.application.console.ConsoleUserFactory;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.ApiKey;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUserName;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.model.safety.SafetyRepository;
import io.reelforge.domain.model.safety.SafetyTerm;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.ApiKeyCodec;

/**
 * First-start data: the reference page's plans, a starter safety policy, and a demo account with keys.
 * Each part is written only when its table is empty, so administrators' edits are never overwritten.
 */
@ApplicationScoped
@Transactional
public class Seeder {

    /** The demo account's keys, in clear, to print once. */
    public record DemoKeys(String accountId, String liveKey, String testKey) {
    }

    private static final Map<String, String[]> SAFETY_TERMS = Map.of(
            "violence.graphic", new String[] {"gore", "gory", "dismemberment", "dismembered", "beheading", "mutilation"},
            "sexual.explicit", new String[] {"porn", "pornographic", "explicit sex", "nude", "naked"},
            "self_harm", new String[] {"suicide", "self harm"},
            "hate.extremism", new String[] {"terrorist propaganda", "ethnic cleansing"});

    @Inject
    AccountRepository accounts;

    @Inject
    Ledger credits;

    @Inject
    SafetyRepository safety;

    @Inject
    ConsoleUserRepository consoleUsers;

    @Inject
    AuditLog audit;

    @Inject
    ConsoleUserFactory factory;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public void seedReferenceData() {
        if (accounts.plans().isEmpty()) {
            accounts.store(new Plan("free", "Free", 0, 500, false, 90, 0));
            accounts.store(new Plan("starter", "Starter", 10_000, 0, true, 90, 1_000));
            accounts.store(new Plan("pro", "Pro", 60_000, 0, true, 90, 5_000));
            accounts.store(new Plan("scale", "Scale", 300_000, 0, true, 90, 20_000));
        }
        if (safety.count() == 0) {
            Instant now = clock.instant();
            SAFETY_TERMS.forEach((category, phrases) -> {
                for (String phrase : phrases) {
                    safety.store(new SafetyTerm(category, phrase, now));
                }
            });
        }
    }

    /**
     * Creates the first console admin when there is no console user: a random password, printed once and to be
     * changed at the first login, so no appliance ever runs with a default password. Empty otherwise.
     */
    public Optional<String> seedFirstAdmin() {
        if (consoleUsers.count() > 0) {
            return Optional.empty();
        }
        String name = settings.consoleAdminUser();
        if (!ConsoleUserName.isValid(name)) {
            throw new IllegalStateException("reelforge.console.admin-user is not a valid user name (" + ConsoleUserName.RULE
                    + "): " + name);
        }
        return Optional.of(factory.create("system", name, ConsoleRole.ADMIN, false, "(first admin)").password());
    }

    /** Creates the demo account on a fresh appliance; empty when there are accounts already. */
    public Optional<DemoKeys> seedDemoAccount() {
        if (!settings.demoEnabled() || accounts.countAccounts() > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Plan plan = accounts.plan(settings.demoPlan()).orElseThrow(
                () -> new IllegalStateException("reelforge.demo.plan names no plan: " + settings.demoPlan()));
        Account account = new Account("Demo", plan, settings.defaultConcurrentJobs(), now);
        accounts.store(account);
        credits.grantFirstPeriod(account.id(), plan, settings.demoGrant().orElse(plan.initialGrant()), "system");
        ApiKeyCodec.Issued live = settings.demoApiKey()
                .map(k -> ApiKeyCodec.adopt(k).orElseThrow(() -> new IllegalStateException(
                        "reelforge.demo.api-key is not a valid rf_live_/rf_test_ key")))
                .orElseGet(() -> ApiKeyCodec.issue(KeyMode.LIVE));
        ApiKeyCodec.Issued test = ApiKeyCodec.issue(KeyMode.TEST);
        for (ApiKeyCodec.Issued k : new ApiKeyCodec.Issued[] {live, test}) {
            accounts.store(new ApiKey(account, k.mode(), k.lookupId(), k.hashHex(), "demo " + k.mode().name().toLowerCase(), "seed", now));
        }
        return Optional.of(new DemoKeys(account.id(), live.plaintext(), test.plaintext()));
    }
}
