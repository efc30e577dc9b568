package io.reelforge.application.console;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.reelforge.application.Ledger;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/** Accounts as the console sees them: list, create (with the plan's first grant), rename, plan, quota, disable. */
@ApplicationScoped
@Transactional
public class AccountAdmin {

    public record AccountRow(String id, String name, String planId, String status, int maxConcurrentJobs, long balance) {
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

    public AccountDraft draftOf(String id) {
        ConsoleSubject.require("accounts:read");
        Account a = find(id);
        AccountDraft d = new AccountDraft();
        d.setId(a.id());
        d.setName(a.name());
        d.setPlanId(a.plan().id());
        d.setMaxConcurrentJobs(a.maxConcurrentJobs());
        d.setActive(a.isActive());
        return d;
    }

    /** Creates or updates, as the draft has an id or not; returns the account's id. */
    public String save(AccountDraft draft) {
        validate(draft);
        Plan plan = accounts.plan(draft.getPlanId()).orElseThrow(() -> ReelforgeException.notFound("plan", draft.getPlanId()));
        if (draft.getId() == null) {
            String actor = ConsoleSubject.require("accounts:create");
            Account a = new Account(draft.getName().trim(), plan, draft.getMaxConcurrentJobs(), clock.instant());
            a.setActive(draft.isActive());
            accounts.store(a);
            credits.grantFirstPeriod(a.id(), plan, plan.initialGrant(), actor);
            audit.record(actor, "accounts:create", a.id(), a.name() + " on " + plan.id());
            return a.id();
        }
        String actor = ConsoleSubject.require("accounts:update");
        Account a = accounts.lockForUpdate(draft.getId());
        String before = describe(a);
        a.rename(draft.getName().trim());
        a.changePlan(plan);
        a.limitConcurrentJobs(draft.getMaxConcurrentJobs());
        a.setActive(draft.isActive());
        audit.record(actor, "accounts:update", a.id(), before + " -> " + describe(a));
        return a.id();
    }

    private void validate(AccountDraft draft) {
        Set<ConstraintViolation<AccountDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            ConstraintViolation<AccountDraft> v = violations.iterator().next();
            throw ReelforgeException.validation(v.getPropertyPath().toString(), "account.invalid", v.getMessage());
        }
    }

    private Account find(String id) {
        return accounts.find(id).orElseThrow(() -> ReelforgeException.notFound("account", id));
    }

    private AccountRow row(Account a) {
        return new AccountRow(a.id(), a.name(), a.plan().id(), a.status().name().toLowerCase(Locale.ROOT),
                a.maxConcurrentJobs(), ledger.balance(a.id()));
    }

    private static String describe(Account a) {
        return a.name() + "/" + a.plan().id() + "/" + a.maxConcurrentJobs() + "/" + a.status().name().toLowerCase(Locale.ROOT);
    }
}
