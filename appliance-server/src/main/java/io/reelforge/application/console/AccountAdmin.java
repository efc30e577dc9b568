package io.reelforge.application.console;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.reelforge.application.Ledger;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Accounts as the console sees them: list, create (with the plan's first grant), rename, plan, quota, disable. */
@ApplicationScoped
@Transactional
public class AccountAdmin {

    /** {@code allowedResolutions} as the console shows it ("all" or "720p, 1080p"); {@code resolutions} as wire names. */
    public record AccountRow(String id, String name, String planId, String status, int maxConcurrentJobs,
                             Integer dailyClipCap, String allowedResolutions, long balance, List<String> resolutions) {
    }

    public record PlanOption(String id, String name) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    LedgerRepository ledger;

    @Inject
    Ledger credits;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public List<AccountRow> page(int offset, int limit) {
        ConsoleSubject.require("accounts:read");
        return accounts.page(offset, limit).stream().map(this::row).toList();
    }

    public long count() {
        ConsoleSubject.require("accounts:read");
        return accounts.countAccounts();
    }

    public List<PlanOption> plans() {
        ConsoleSubject.require("accounts:read");
        return accounts.plans().stream().map(p -> new PlanOption(p.id(), p.name())).toList();
    }

    /** The resolutions an account may be limited to, as wire names. */
    public List<String> resolutions() {
        ConsoleSubject.require("accounts:read");
        return java.util.Arrays.stream(Resolution.values()).map(Resolution::wireName).toList();
    }

    /** One account as the console and the admin API show it. */
    public AccountRow one(String id) {
        ConsoleSubject.require("accounts:read");
        return row(find(id));
    }

    public AccountDraft draftOf(String id) {
        ConsoleSubject.require("accounts:read");
        Account a = find(id);
        AccountDraft d = new AccountDraft();
        d.setId(a.id());
        d.setName(a.name());
        d.setPlanId(a.plan().id());
        d.setMaxConcurrentJobs(a.maxConcurrentJobs());
        d.setDailyClipCap(a.dailyClipCap().isPresent() ? a.dailyClipCap().getAsInt() : null);
        d.setAllowedResolutions(limited(a) ? wireNames(a.allowedResolutions()) : Set.of());
        d.setActive(a.isActive());
        return d;
    }

    /** Creates or updates, as the draft has an id or not; returns the account's id. */
    public String save(AccountDraft draft) {
        String actor = ConsoleSubject.require(draft.getId() == null ? "accounts:create" : "accounts:update");
        Drafts.check(validator, draft, "account.invalid");
        Plan plan = accounts.plan(draft.getPlanId()).orElseThrow(() -> ReelforgeException.notFound("plan", draft.getPlanId()));
        if (accounts.named(draft.getName().trim()).stream().anyMatch(other -> !other.id().equals(draft.getId()))) {
            throw nameTaken(draft.getName().trim());
        }
        if (draft.getId() == null) {
            Account a = new Account(draft.getName().trim(), plan, draft.getMaxConcurrentJobs(), clock.instant());
            applyQuotas(a, draft);
            a.setActive(draft.isActive());
            storeOrConflict(a);
            credits.grantFirstPeriod(a.id(), plan, plan.initialGrant(), actor);
            audit.record(actor, "accounts:create", a.id(), a.name() + " on " + plan.id());
            return a.id();
        }
        Account a = accounts.lockForUpdate(draft.getId());
        String before = describe(a);
        a.rename(draft.getName().trim());
        a.changePlan(plan);
        applyQuotas(a, draft);
        a.setActive(draft.isActive());
        storeOrConflict(a);
        audit.record(actor, "accounts:update", a.id(), before + " -> " + describe(a));
        return a.id();
    }

    /** The database's unique name key decides a race the check above cannot see (two saves at once). */
    private void storeOrConflict(Account a) {
        if (!accounts.storeUniquelyNamed(a)) {
            throw nameTaken(a.name());
        }
    }

    private static ReelforgeException nameTaken(String name) {
        return new ReelforgeException(ErrorType.CONFLICT, "account.name_taken", "There is already an account named "
                + name + " (names are compared without case); choose another name.", "name");
    }

    private static void applyQuotas(Account a, AccountDraft draft) {
        a.limitConcurrentJobs(draft.getMaxConcurrentJobs());
        a.capDailyClips(draft.getDailyClipCap());
        Set<Resolution> allowed = EnumSet.noneOf(Resolution.class);
        for (String name : draft.getAllowedResolutions()) {
            allowed.add(Resolution.fromWire(name).orElseThrow(() -> ReelforgeException.validation("allowedResolutions",
                    "account.invalid", "Unknown resolution " + name + "; use " + Resolution.supported() + ".")));
        }
        a.allowResolutions(allowed);
    }

    private static boolean limited(Account a) {
        return !a.allowedResolutions().containsAll(EnumSet.allOf(Resolution.class));
    }

    private static Set<String> wireNames(Set<Resolution> set) {
        return set.stream().map(Resolution::wireName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Account find(String id) {
        return accounts.find(id).orElseThrow(() -> ReelforgeException.notFound("account", id));
    }

    private AccountRow row(Account a) {
        return new AccountRow(a.id(), a.name(), a.plan().id(), a.status().name().toLowerCase(Locale.ROOT),
                a.maxConcurrentJobs(), a.dailyClipCap().isPresent() ? a.dailyClipCap().getAsInt() : null,
                limited(a) ? String.join(", ", wireNames(a.allowedResolutions())) : "all", ledger.balance(a.id()),
                List.copyOf(wireNames(a.allowedResolutions())));
    }

    private static String describe(Account a) {
        return a.name() + "/" + a.plan().id() + "/jobs " + a.maxConcurrentJobs() + "/daily "
                + (a.dailyClipCap().isPresent() ? a.dailyClipCap().getAsInt() : "-") + "/"
                + (limited(a) ? String.join("+", wireNames(a.allowedResolutions())) : "all") + "/"
                + a.status().name().toLowerCase(Locale.ROOT);
    }
}
