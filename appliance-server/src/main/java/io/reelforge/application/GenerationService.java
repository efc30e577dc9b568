package io.reelforge.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.safety.SafetyPolicy;
import io.reelforge.domain.model.safety.SafetyRepository;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.domain.shared.TooManyInFlightException;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.security.Caller;
import io.reelforge.infrastructure.storage.OutputStore;

/**
 * Submitting and reading an account's generations. A submission locks the account row, so the quota and
 * balance checks and the debit happen one submission at a time per account.
 */
@ApplicationScoped
@Transactional
public class GenerationService {

    @Inject
    AccountRepository accounts;

    @Inject
    GenerationRepository generations;

    @Inject
    SafetyRepository safety;

    @Inject
    Ledger ledger;

    @Inject
    Estimator estimator;

    @Inject
    EngineRegistry engines;

    @Inject
    OutputStore store;

    @Inject
    Event<GenerationQueued> queued;

    @Inject
    Clock clock;

    public Generation submit(Caller caller, ClipRequest request) {
        Account account = accounts.lockForUpdate(caller.accountId());
        Plan plan = account.plan();
        boolean live = caller.mode() == KeyMode.LIVE;
        if (live && !plan.videoAllowed()) {
            throw new ReelforgeException(ErrorType.PERMISSION, "plan_without_video",
                    "The " + plan.name() + " plan does not include video generation. Upgrade to a paid plan "
                            + "(Starter or above) to generate video; test keys (rf_test_) work on every plan.");
        }
        List<Generation> inFlight = generations.inFlight(account.id());
        if (inFlight.size() >= account.maxConcurrentJobs()) {
            throw new TooManyInFlightException(account.maxConcurrentJobs(), estimator.retryAfterSeconds(inFlight));
        }
        long price = live ? plan.creditsPerClip() : 0;
        long balance = ledger.balance(account.id());
        if (balance < price) {
            throw new ReelforgeException(ErrorType.INSUFFICIENT_CREDITS, "insufficient_credits",
                    "A clip costs " + price + " credits and the balance is " + balance + ".");
        }
        String engine = engines.engineIdFor(caller.mode());
        Generation g = new Generation(account.id(), caller.apiKeyId(), caller.mode(), request, engine, price,
                estimator.renderMs(engine, request.resolution().wireName()), clock.instant());
        generations.store(g);
        ledger.debit(g, caller.actor());
        Optional<String> blocked = new SafetyPolicy(safety.all()).violation(request.prompt(), request.negativePrompt());
        if (request.hasImage() && blocked.isEmpty()) {
            String path = store.inputFor(g.id());
            store.write(path, request.image());
            g.attachInputImage(path);
        }
        if (blocked.isPresent()) {
            g.fail("safety.prompt", "The prompt was blocked by the content safety policy (category: "
                    + blocked.get() + "). No credits were used.", clock.instant());
            ledger.refund(g, "safety.prompt");
        } else {
            queued.fire(new GenerationQueued(g.id()));
        }
        return g;
    }

    /** A generation of this account; another account's id is not found, never forbidden. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Generation find(String accountId, String generationId) {
        return generations.find(generationId)
                .filter(g -> g.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
    }

    /**
     * The stored clip of a generation, for a signed download URL (the signature, not an API key, authorises it).
     * An output removed by retention is gone (410), not missing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.nio.file.Path output(String generationId) {
        Generation g = generations.find(generationId)
                .orElseThrow(() -> ReelforgeException.notFound("file", generationId + ".mp4"));
        java.nio.file.Path file = g.outputPath() == null ? null : store.resolve(g.outputPath());
        if (g.status() == GenerationStatus.EXPIRED || g.isExpiredAt(clock.instant())
                || (g.status() == GenerationStatus.COMPLETED && !java.nio.file.Files.exists(file))) {
            throw new ReelforgeException(ErrorType.GONE, "output_expired", "This clip was kept until "
                    + g.expiresAt() + " and has been deleted under the retention policy.");
        }
        if (g.status() != GenerationStatus.COMPLETED) {
            throw ReelforgeException.notFound("file", generationId + ".mp4");
        }
        return file;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Generation> page(String accountId, GenerationStatus status, Instant beforeCreatedAt, String beforeId, int limit) {
        return generations.page(accountId, status, beforeCreatedAt, beforeId, limit);
    }
}
