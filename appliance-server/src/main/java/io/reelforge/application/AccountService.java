package io.reelforge.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.Caller;

/** What an API caller may read about its own account. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountService {

    public record PlanView(String id, String name, long creditsPerPeriod, boolean videoAllowed, int creditsPerClip) {
    }

    public record Limits(int maxConcurrentJobs) {
    }

    public record KeyView(String mode, String prefix) {
    }

    public record AccountView(String accountId, String name, String status, PlanView plan, long balance,
                              long inFlight, Limits limits, KeyView key) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    LedgerRepository ledger;

    @Inject
    GenerationRepository generations;

    public AccountView view(Caller caller) {
        Account a = accounts.find(caller.accountId()).orElseThrow(() -> ReelforgeException.notFound("account", caller.accountId()));
        Plan p = a.plan();
        return new AccountView(a.id(), a.name(), a.status().name().toLowerCase(Locale.ROOT),
                new PlanView(p.id(), p.name(), p.creditsPerPeriod(), p.videoAllowed(), p.creditsPerClip()),
                ledger.balance(a.id()), generations.countInFlight(a.id()), new Limits(a.maxConcurrentJobs()),
                new KeyView(caller.mode().name().toLowerCase(Locale.ROOT), caller.keyPrefix()));
    }

    public List<LedgerEntry> ledger(Caller caller, Instant beforeCreatedAt, String beforeId, int limit) {
        return ledger.page(caller.accountId(), beforeCreatedAt, beforeId, limit);
    }
}
