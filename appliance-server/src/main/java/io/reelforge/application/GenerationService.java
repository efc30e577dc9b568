package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.ops.Drain;
import io.reelforge.application.ops.LogTags;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.safety.SafetyPolicy;
import io.reelforge.domain.model.safety.SafetyRepository;
import io.reelforge.domain.shared.DailyClipCapException;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.domain.shared.TooManyInFlightException;
import io.reelforge.engine.ImageSupport;

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
    EngineCatalog engines;

    @Inject
    OutputStorage store;

    @Inject
    Event<GenerationQueued> queued;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    Clock clock;

    @Inject
    Drain drain;

    @Inject
    LogTags logTags;

    /** What a submission did: queued a new generation, or found the one submitted earlier under the same key. */
    public record Submission(Generation generation, boolean earlier) {
    }

    /**
     * @param webhookUrl an already checked URL to send the end event to, or null
     * @param apiBase the API base URL the request came to, for the URLs in webhook bodies
     * @param idempotencyKey the hash of account and {@code Idempotency-Key} ({@link IdempotencyService#begin}'s
     *        record id), or null: bound to the generation in this transaction, with its debit, so a retry under the
     *        same key (after a crash before the answer was stored, even) gets this generation and pays nothing
     */
    public Submission submit(Caller caller, ClipRequest request, String webhookUrl, String apiBase, String idempotencyKey) {
        Account account = accounts.lockForUpdate(caller.accountId());
        // Under the account's lock: a first request with this key has committed or rolled back by now.
        Optional<Generation> earlier = idempotencyKey == null ? Optional.empty() : generations.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            logTags.generation(earlier.get().id());
            return new Submission(earlier.get(), true);
        }
        drain.refuseIfDraining();
        store.refuseIfUnavailable();
        Plan plan = account.plan();
        boolean live = caller.mode() == KeyMode.LIVE;
        if (live && !plan.videoAllowed()) {
            throw new ReelforgeException(ErrorType.PERMISSION, "plan_without_video",
                    "The " + plan.name() + " plan does not include video generation. Upgrade to a paid plan "
                            + "(Starter or above) to generate video; test keys (rf_test_) work on every plan.");
        }
        if (!account.allows(request.resolution())) {
            throw new ReelforgeException(ErrorType.PERMISSION, "resolution_not_allowed", "This account may order "
                    + account.allowedResolutions().stream().map(Resolution::wireName).collect(Collectors.joining(", "))
                    + " clips, not " + request.resolution().wireName() + ".", "resolution");
        }
        checkDailyCap(account);
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
        requireImageSupport(engines.engine(engine).imageSupport(), request);
        Generation g = new Generation(account.id(), caller.apiKeyId(), caller.mode(), request, engine, price,
                estimator.renderMs(engine, request.width(), request.height()), clock.instant());
        g.notifyWhenEnded(webhookUrl, apiBase);
        g.submittedUnder(idempotencyKey);
        generations.store(g);
        // The rest of this request's log lines name the job (the request filter clears it at the end).
        logTags.generation(g.id());
        ledger.debit(g, caller.actor());
        Optional<String> blocked = new SafetyPolicy(safety.all()).violation(request.prompt(), request.negativePrompt());
        if (blocked.isPresent()) {
            lifecycle.refuse(g, "safety.prompt", "The prompt was blocked by the content safety policy (category: "
                    + blocked.get() + "). No credits were used.");
            return new Submission(g, false);
        }
        if (request.hasImage()) {
            String path = store.inputFor(g.id());
            store.write(path, request.image());
            g.attachInputImage(path);
        }
        queued.fire(new GenerationQueued(g.id()));
        return new Submission(g, false);
    }

    /**
     * A start image the engine's model cannot use, or none where it needs one, is refused before anything is
     * charged. The model can change between this check and the render (an activation); the render then fails
     * as render.unsupported and is refunded.
     */
    private static void requireImageSupport(ImageSupport support, ClipRequest request) {
        if (support.accepts(request.hasImage())) {
            return;
        }
        if (request.hasImage()) {
            throw ReelforgeException.validation("image", "image_not_supported", "The active model " + support.model()
                    + " is text-to-video only and takes no start image; send the prompt without an image.");
        }
        throw ReelforgeException.validation("image", "image_required", "The active model " + support.model()
                + " is image-to-video only; send a start image with the prompt.");
    }

    /** Every clip submitted since midnight UTC counts, whatever became of it (canceled, failed, test key). */
    private void checkDailyCap(Account account) {
        if (account.dailyClipCap().isEmpty()) {
            return;
        }
        int cap = account.dailyClipCap().getAsInt();
        Instant now = clock.instant();
        Instant midnight = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (generations.countCreatedSince(account.id(), midnight) >= cap) {
            throw new DailyClipCapException(cap, Math.max(1, Duration.between(now, midnight.plus(Duration.ofDays(1))).toSeconds()));
        }
    }

    /** The account's jobs-at-once quota now: its limit, how many are queued or processing, when one should end. */
    public record Concurrency(int limit, int inFlight, long retryAfterSeconds) {
    }

    public Concurrency concurrency(String accountId) {
        Account account = accounts.find(accountId).orElseThrow(() -> ReelforgeException.notFound("account", accountId));
        List<Generation> inFlight = generations.inFlight(accountId);
        return new Concurrency(account.maxConcurrentJobs(), inFlight.size(),
                inFlight.isEmpty() ? 0 : estimator.retryAfterSeconds(inFlight));
    }

    /** A generation of this account; another account's id is not found, never forbidden. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Generation find(String accountId, String generationId) {
        return generations.find(generationId)
                .filter(g -> g.accountId().equals(accountId) && !g.deleted())
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
    }

    /**
     * A stored file of a generation (the clip or its poster frame), for a signed download URL (the signature, not
     * an API key, authorises it). A file removed by retention is gone (410), not missing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.nio.file.Path output(String generationId, ClipFile kind) {
        Generation g = generations.find(generationId)
                .filter(x -> !x.deleted())
                .orElseThrow(() -> ReelforgeException.notFound("file", generationId + "." + kind.extension()));
        return storedFile(g, kind);
    }

    /** A stored file of one of this account's generations, for the API-key authorised content download. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.nio.file.Path output(String accountId, String generationId, ClipFile kind) {
        return storedFile(find(accountId, generationId), kind);
    }

    private java.nio.file.Path storedFile(Generation g, ClipFile kind) {
        java.nio.file.Path file = g.outputPath() == null ? null : store.resolve(store.fileFor(g.id(), g.createdAt(), kind));
        if (g.status() == GenerationStatus.EXPIRED || g.isExpiredAt(clock.instant())
                || (g.status() == GenerationStatus.COMPLETED && kind == ClipFile.VIDEO && !java.nio.file.Files.exists(file))) {
            throw new ReelforgeException(ErrorType.GONE, "output_expired", "This clip was kept until "
                    + g.expiresAt() + " and has been deleted under the retention policy.");
        }
        if (g.status().inFlight()) {
            throw ReelforgeException.conflict("generation.not_ready", "Generation " + g.id() + " is still "
                    + g.status().wireName() + "; its files are there once it is completed.");
        }
        if (g.status() != GenerationStatus.COMPLETED || !java.nio.file.Files.exists(file)) {
            // A clip completed before poster frames were made has none.
            throw ReelforgeException.notFound("file", g.id() + "." + kind.extension());
        }
        return file;
    }

    /** Where a queued generation stands in the queue of all accounts: 1 renders next; null when not queued. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Integer queuePosition(Generation g) {
        return g.status() == GenerationStatus.QUEUED ? (int) generations.countQueuedBefore(g.createdAt(), g.id()) + 1 : null;
    }

    /** The OpenAI surface's list: oldest or newest first, after one of the account's own generations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Generation> list(String accountId, boolean ascending, String afterId, int limit) {
        Generation after = null;
        if (afterId != null) {
            after = generations.find(afterId).filter(g -> g.accountId().equals(accountId) && !g.deleted())
                    .orElseThrow(() -> ReelforgeException.validation("after", "invalid_after",
                            "after must be the id of one of your videos; " + afterId + " is not."));
        }
        return generations.list(accountId, ascending, after, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Generation> page(String accountId, GenerationStatus status, Instant beforeCreatedAt, String beforeId, int limit) {
        return generations.page(accountId, status, beforeCreatedAt, beforeId, limit);
    }
}
