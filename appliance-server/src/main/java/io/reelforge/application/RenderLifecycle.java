package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.render.RenderLimits;
import io.reelforge.application.webhooks.WebhookOutbox;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.RenderFacts;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The one owner of the generation state machine after submission: a refusal at submission, claiming a slot, progress, completion,
 * failure with its refund, cancel, recovery after a restart, taking back the renders of a lost node, the watchdog
 * and retention. Every transition locks the row first, so a cancel racing a completion has exactly one winner and
 * one refund at most. A processing job belongs to the node that claimed it: only that node's current attempt
 * records progress, completes, fails or hands it back, so a node that lost its lease finishes and charges nothing
 * that was taken from it. One code path for the embedded appliance (a cluster of one) and for several nodes.
 * A transition that may refund locks the account's row before the job's (the refund moves the balance kept on the
 * account row), the order submission keeps too.
 */
@ApplicationScoped
@Transactional
public class RenderLifecycle {

    private static final Logger LOG = Logger.getLogger(RenderLifecycle.class.getName());

    @Inject
    GenerationRepository generations;

    @Inject
    Ledger ledger;

    @Inject
    AccountRepository accounts;

    @Inject
    RenderSignals signals;

    @Inject
    OutputStorage store;

    @Inject
    RenderLimits settings;

    @Inject
    EngineCatalog engines;

    @Inject
    Event<GenerationChanged> changed;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    @Inject
    Cluster cluster;

    /**
     * Claims the oldest queued jobs for this node's free render slots, in one statement that no other node's claim
     * can overlap; none while this node holds no lease (its claims would be taken back at once).
     */
    public List<RenderOrder> claim() {
        if (!cluster.isMember()) {
            return List.of();
        }
        int free = engines.renderSlots() - (int) generations.countProcessingOn(cluster.nodeId());
        if (free <= 0) {
            return List.of();
        }
        List<RenderOrder> orders = new ArrayList<>();
        for (Generation g : generations.lockQueued(free)) {
            if (signals.isRunning(g.id())) {
                // An earlier attempt taken from this node is still stopping here; another node or a later claim takes it.
                continue;
            }
            g.start(clock.instant(), cluster.nodeId(), engines.renderSlots() - free + orders.size() + 1);
            changed.fire(new GenerationChanged(g.id(), true));
            // Owned before the commit makes it visible as processing, so a stop at any moment notes it.
            signals.claim(g.id());
            orders.add(orderOf(g));
        }
        return orders;
    }

    /** The order for a render that this node is about to run, if the job is still this node's at this attempt. */
    public Optional<RenderOrder> order(String generationId, int attempt) {
        return generations.find(generationId).filter(g -> g.renderingOn(cluster.nodeId(), attempt)).map(this::orderOf);
    }

    public void progress(String generationId, int attempt, double progress) {
        generations.find(generationId).filter(g -> g.renderingOn(cluster.nodeId(), attempt)).ifPresent(g -> {
            g.reportProgress(progress);
            changed.fire(new GenerationChanged(g.id(), false));
        });
    }

    /** What became of a finished render. */
    public enum Completion {
        /** Recorded: the clip is the generation's. */
        COMPLETED,
        /** The job ended meanwhile (canceled, or failed): the caller deletes the files. */
        ENDED,
        /** The job was taken from this node (its lease lapsed): the files are left to the node that has it now. */
        TAKEN
    }

    /** Records a finished render if this node's attempt still owns the job. */
    public Completion complete(String generationId, int attempt, long bytes, RenderFacts facts) {
        Generation g = generations.lockForUpdate(generationId).orElseThrow();
        if (!g.renderingOn(cluster.nodeId(), attempt)) {
            if (g.status() == GenerationStatus.CANCELED || g.status() == GenerationStatus.FAILED) {
                return Completion.ENDED;
            }
            // Queued again, rendering elsewhere or even completed there: the clip's paths are the other render's.
            LOG.warning(() -> "render of " + generationId + " finished after the job was taken from this node; not recorded");
            return Completion.TAKEN;
        }
        g.seeConcurrentRenders((int) generations.countProcessingOn(cluster.nodeId()));
        g.complete(store.outputFor(g.id(), g.createdAt()), bytes, facts, settings.outputRetention(), clock.instant());
        discardInput(g);
        changed.fire(new GenerationChanged(g.id(), true));
        webhooks.generationEnded(g);
        return Completion.COMPLETED;
    }

    /** Fails a job and refunds it, unless it already ended or is no longer this node's attempt. */
    public void fail(String generationId, int attempt, String code, String message) {
        lockForEnding(generationId).filter(g -> g.renderingOn(cluster.nodeId(), attempt))
                .ifPresent(g -> end(g, code, message));
    }

    /**
     * Fails a job at its submission, before it was ever queued (its prompt broke the content safety policy): in the
     * submission's transaction, refunded, announced and cleaned up like every other end.
     */
    public void refuse(Generation g, String code, String message) {
        end(g, code, message);
    }

    /**
     * Puts a render that could not start yet (its engine deferred it: a busy upstream) back in the queue, without
     * spending its attempt; nothing if the job ended meanwhile.
     */
    public void handBack(String generationId, int attempt) {
        generations.lockForUpdate(generationId)
                .filter(g -> g.renderingOn(cluster.nodeId(), attempt))
                .ifPresent(g -> {
                    g.handBack();
                    changed.fire(new GenerationChanged(g.id(), true));
                });
    }

    /**
     * A clean stop puts this node's renders (stopped by now) back in the queue for the other nodes, without
     * spending their attempts, and ends the node's lease; returns how many went back.
     */
    public int handBackAll() {
        int n = 0;
        for (String id : generations.processingOnOrUnclaimed(cluster.nodeId())) {
            Optional<Generation> g = generations.lockForUpdate(id)
                    .filter(x -> x.status() == GenerationStatus.PROCESSING && cluster.nodeId().equals(x.renderNode()));
            if (g.isPresent()) {
                g.get().handBack();
                changed.fire(new GenerationChanged(id, true));
                n++;
            }
        }
        cluster.leave();
        return n;
    }

    public Generation cancel(String accountId, String generationId) {
        accounts.lockForUpdate(accountId);
        Generation g = generations.lockForUpdate(generationId)
                .filter(x -> x.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        if (g.status().terminal()) {
            throw new ReelforgeException(ErrorType.CONFLICT, "generation.not_cancelable",
                    "Generation " + generationId + " is already " + g.status().wireName() + " and cannot be canceled.");
        }
        g.cancel(clock.instant());
        ledger.refund(g, "canceled");
        discardInput(g);
        signals.stop(generationId, RenderSignals.CANCELED);
        changed.fire(new GenerationChanged(g.id(), true));
        webhooks.generationEnded(g);
        return g;
    }

    /**
     * The owner deletes a generation: one still queued or rendering is canceled first (and refunded), then its
     * files go. The row stays for the ledger; the API answers 404 for it from then on.
     */
    public Generation delete(String accountId, String generationId) {
        accounts.lockForUpdate(accountId);
        Generation g = generations.lockForUpdate(generationId)
                .filter(x -> x.accountId().equals(accountId) && !x.deleted())
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        if (g.status().inFlight()) {
            cancel(accountId, generationId);
        }
        store.deleteFiles(g.id(), g.createdAt());
        g.delete(clock.instant());
        changed.fire(new GenerationChanged(g.id(), true));
        return g;
    }

    /**
     * After a restart every job still marked processing was interrupted. One that a clean stop handed back goes
     * back to the queue without spending its attempt; one a crash interrupted goes back if it has an attempt
     * left, otherwise it fails and is refunded.
     */
    public int recoverInterrupted(Set<String> handedBack) {
        int n = 0;
        for (String id : generations.processingOnOrUnclaimed(cluster.nodeId())) {
            // Locked and read again: another node may have taken it back meanwhile (this node's lease had lapsed).
            Optional<Generation> locked = lockForEnding(id).filter(x -> x.status() == GenerationStatus.PROCESSING
                    && (x.renderNode() == null || cluster.nodeId().equals(x.renderNode())));
            if (locked.isEmpty() || signals.isRunning(id)) {
                continue;
            }
            Generation g = locked.get();
            changed.fire(new GenerationChanged(g.id(), true));
            if (handedBack.contains(g.id())) {
                g.handBack();
                LOG.info(() -> "generation " + g.id() + " was stopped by the last shutdown; queued again");
            } else {
                interrupted(g, "a restart of the appliance");
            }
            n++;
        }
        return n;
    }

    /**
     * Takes back the renders of nodes whose lease lapsed (killed, hung, cut off): each goes back to the queue
     * with its attempt counted, or fails and is refunded once its attempts are spent. Any node does this; the
     * row lock makes one of them win.
     */
    public int reclaimFromLostNodes() {
        Instant now = clock.instant();
        int n = 0;
        for (String id : generations.processingWithoutLiveNode(now)) {
            Optional<Generation> locked = lockForEnding(id);
            // Read again under the lock: still processing, and still on a node without a lease.
            if (locked.isEmpty() || locked.get().status() != GenerationStatus.PROCESSING || cluster.isLive(locked.get().renderNode(), now)) {
                continue;
            }
            Generation g = locked.get();
            String lost = g.renderNode();
            LOG.warning(() -> "generation " + id + " was rendering on node " + lost + ", whose lease lapsed; taken back");
            changed.fire(new GenerationChanged(id, true));
            interrupted(g, "the loss of the node rendering it");
            n++;
        }
        return n;
    }

    /**
     * Of the renders running here, those whose job is no longer this node's, with the stop each gets: canceled
     * (on whichever node the cancel came in) or taken (ended or taken back by another node).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> stopsFor(Set<String> runningHere) {
        Set<String> gone = new HashSet<>(runningHere);
        generations.stillProcessingOn(cluster.nodeId(), runningHere).forEach(gone::remove);
        Map<String, String> stops = new HashMap<>();
        for (String id : gone) {
            boolean canceled = generations.find(id).map(g -> g.status() == GenerationStatus.CANCELED).orElse(false);
            stops.put(id, canceled ? RenderSignals.CANCELED : RenderSignals.TAKEN);
        }
        return stops;
    }

    /** Whether another node is rendering this job now (its partial file on the shared root is in use). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean renderingElsewhere(String generationId) {
        return generations.find(generationId).filter(g -> g.status() == GenerationStatus.PROCESSING
                && g.renderNode() != null && !cluster.nodeId().equals(g.renderNode())).isPresent();
    }

    private void interrupted(Generation g, String cause) {
        if (!g.requeueAfterInterruption(settings.maxRenderAttempts())) {
            end(g, "render.interrupted", "The render was interrupted " + g.attempts() + " times, last by " + cause + ".");
        }
    }

    /** Fails this node's processing jobs that no render here owns and that are past their time limit. */
    public int failOrphans(Set<String> runningHere) {
        Instant cutoff = clock.instant().minus(settings.renderTimeout()).minus(Duration.ofSeconds(30));
        int n = 0;
        for (String id : generations.processingOnOrUnclaimed(cluster.nodeId())) {
            Generation g = lockForEnding(id).orElse(null);
            if (g != null && g.status() == GenerationStatus.PROCESSING && cluster.nodeId().equals(g.renderNode())
                    && !runningHere.contains(id) && g.startedAt() != null && g.startedAt().isBefore(cutoff)) {
                end(g, "render.timeout", "The render did not finish within its time limit.");
                n++;
            }
        }
        return n;
    }

    /** Deletes outputs past their retention and marks them expired; returns how many. */
    public int expireOutputs(int batch) {
        Instant now = clock.instant();
        int n = 0;
        for (Generation g : generations.expiredOutputs(now, batch)) {
            store.deleteFiles(g.id(), g.createdAt());
            g.expire(now);
            changed.fire(new GenerationChanged(g.id(), true));
            webhooks.generationEnded(g);
            n++;
        }
        return n;
    }

    /**
     * Locks a job for a transition that may refund it: its account's row first, then its own. Submission holds the
     * account row while it reads the account's jobs, so the other order (job, then account for the refund's balance
     * move) would let the two wait on each other.
     */
    private Optional<Generation> lockForEnding(String generationId) {
        generations.accountOf(generationId).ifPresent(accounts::lockForUpdate);
        return generations.lockForUpdate(generationId);
    }

    /** Fails a job that has not ended yet: refunded once, its start image dropped. */
    private void end(Generation g, String code, String message) {
        if (g.fail(code, message, clock.instant())) {
            ledger.refund(g, code);
            discardInput(g);
            changed.fire(new GenerationChanged(g.id(), true));
            webhooks.generationEnded(g);
            LOG.info(() -> "generation " + g.id() + " failed: " + code);
        }
    }

    /** An ended job's uploaded start image is not needed again (a render reads it once, when it starts). */
    private void discardInput(Generation g) {
        store.delete(g.inputImagePath());
    }

    private RenderOrder orderOf(Generation g) {
        return new RenderOrder(g.id(), g.attempts(), g.engine(), g.prompt(), g.negativePrompt(), g.width(), g.height(),
                g.frameCount(), g.fps(), g.seed(), g.cameraFixed(), g.inputImagePath(),
                store.outputFor(g.id(), g.createdAt()), store.fileFor(g.id(), g.createdAt(), ClipFile.THUMBNAIL),
                g.startedAt());
    }
}
