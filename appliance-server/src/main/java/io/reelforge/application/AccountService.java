package io.reelforge.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/** What an API caller may read about its own account. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountService {

    @Schema(name = "Plan")
    public record PlanView(@Schema(name = "id", required = true, example = "starter") String id,
                           @Schema(name = "name", required = true, example = "Starter") String name,
                           @Schema(name = "credits_per_period", required = true, type = SchemaType.INTEGER, format = "int64", example = "10000") long creditsPerPeriod,
                           @Schema(name = "video_allowed", required = true) boolean videoAllowed,
                           @Schema(name = "credits_per_clip", required = true, example = "90") int creditsPerClip) {
    }

    @Schema(name = "Limits")
    public record Limits(@Schema(name = "max_concurrent_jobs", required = true, example = "5") int maxConcurrentJobs,
                         @Schema(name = "daily_clip_cap", required = true, nullable = true, example = "50",
                                 description = "Clips this account may submit per day (UTC); null when there is no cap.")
                         Integer dailyClipCap,
                         @Schema(name = "allowed_resolutions", required = true, type = SchemaType.ARRAY, implementation = String.class,
                                 description = "The resolutions this account may order: 720p, 1080p.")
                         List<String> allowedResolutions) {
    }

    @Schema(name = "CallingKey", description = "The key that made this call.")
    public record KeyView(@Schema(name = "mode", required = true, enumeration = {"live", "test"}) String mode,
                          @Schema(name = "prefix", required = true, example = "rf_live_AbC123") String prefix) {
    }

    @Schema(name = "Account")
    public record AccountView(@Schema(name = "account_id", required = true) String accountId,
                              @Schema(name = "name", required = true) String name,
                              @Schema(name = "status", required = true, enumeration = {"active", "disabled"}) String status,
                              @Schema(name = "plan", required = true, ref = "Plan") PlanView plan,
                              @Schema(name = "balance", required = true, type = SchemaType.INTEGER, format = "int64", example = "9910") long balance,
                              @Schema(name = "in_flight", required = true, type = SchemaType.INTEGER, format = "int64", description = "Jobs queued or processing.") long inFlight,
                              @Schema(name = "limits", required = true, ref = "Limits") Limits limits,
                              @Schema(name = "key", required = true, ref = "CallingKey") KeyView key) {
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
                ledger.balance(a.id()), generations.countInFlight(a.id()), new Limits(a.maxConcurrentJobs(),
                        a.dailyClipCap().isPresent() ? a.dailyClipCap().getAsInt() : null,
                        a.allowedResolutions().stream().map(Resolution::wireName).toList()),
                new KeyView(caller.mode().name().toLowerCase(Locale.ROOT), caller.keyPrefix()));
    }

    public List<LedgerEntry> ledger(Caller caller, Instant beforeCreatedAt, String beforeId, int limit) {
        return ledger.page(caller.accountId(), beforeCreatedAt, beforeId, limit);
    }
}
