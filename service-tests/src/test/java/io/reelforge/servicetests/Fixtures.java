package io.reelforge.servicetests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.application.Caller;
import io.reelforge.application.Cluster;
import io.reelforge.application.Ledger;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.bootstrap.Seeder;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.ApiKey;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditRepository;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.infrastructure.security.ApiKeyCodec;

/**
 * What the tests start from, made through the application's own classes: the plans and safety terms (the seeder
 * that start-up runs), this node in the cluster, an account with credits of its own per test, so that tests never
 * share a balance.
 */
@ApplicationScoped
@Transactional
public class Fixtures {

    @Inject
    Seeder seeder;

    @Inject
    Cluster cluster;

    @Inject
    AccountRepository accounts;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    GenerationRepository generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    ConsoleUserRepository consoleUsers;

    @Inject
    LedgerRepository ledgerEntries;

    @Inject
    AuditRepository audit;

    private final java.util.Map<String, String> liveKeys = new java.util.concurrent.ConcurrentHashMap<>();

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    /** What start-up would have done (plans, safety terms, the first admin, this node): idempotent, so every test calls it. */
    public void ready() {
        seeder.seedReferenceData();
        seeder.seedFirstAdmin();
        if (!cluster.isMember()) {
            cluster.join(0);
        }
    }

    /** A new account on the starter plan with this many credits and a live API key. */
    public String account(long credits) {
        Plan plan = accounts.plan("starter").orElseThrow();
        Account a = new Account("svc " + UUID.randomUUID(), plan, 5, clock.instant());
        accounts.store(a);
        ledger.grantFirstPeriod(a.id(), plan, credits, "service-tests");
        ApiKeyCodec.Issued k = ApiKeyCodec.issue(KeyMode.LIVE);
        ApiKey key = new ApiKey(a, KeyMode.LIVE, k.lookupId(), k.hashHex(), "service test", "service-tests", clock.instant());
        accounts.store(key);
        liveKeys.put(a.id(), key.id());
        return a.id();
    }

    /** What one live clip costs on the plan {@link #account} gives. */
    public long clipPrice() {
        return accounts.plan("starter").orElseThrow().creditsPerClip();
    }

    /** The account's live key as the API's key filter would hand it to a service. */
    public Caller live(String accountId) {
        return new Caller(accountId, liveKeys.get(accountId), KeyMode.LIVE, "rf_live_svc", "starter");
    }

    public static ClipRequest clip(String prompt) {
        return new ClipRequest(prompt, null, Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 42L, null);
    }

    /**
     * Moves a row's time back, as if the test had waited that long (a lapsed lease, an abandoned request, a render past
     * its limit): a JPQL update of one {@code Instant} field of the entity with that id.
     */
    public void backdate(Class<?> entity, String field, String id, Instant to) {
        int n = em.createQuery("UPDATE " + entity.getSimpleName() + " e SET e." + field + " = :t WHERE e.id = :id")
                .setParameter("t", to).setParameter("id", id).executeUpdate();
        if (n != 1) {
            throw new IllegalStateException("no " + entity.getSimpleName() + " " + id);
        }
    }

    /** Starts a render of this queued job on this node, as a claim does, without taking any other queued job. */
    public void startRender(String generationId) {
        generations.lockForUpdate(generationId).orElseThrow().start(clock.instant(), cluster.nodeId(), 1);
    }

    /** Ends what a test left in flight, so that no job of it holds a render slot of the next. */
    public void cancelInFlight(String accountId) {
        for (Generation g : generations.inFlight(accountId)) {
            lifecycle.cancel(accountId, g.id());
        }
    }

    /** The balance kept on the account row ({@link Ledger#balance} wants a transaction). */
    public long balance(String accountId) {
        return ledger.balance(accountId);
    }

    public ConsoleUser consoleUser(String username) {
        return consoleUsers.byUsername(username).orElseThrow();
    }

    public boolean consoleUserExists(String username) {
        return consoleUsers.byUsername(username).isPresent();
    }

    public Generation generation(String id) {
        return generations.find(id).orElseThrow();
    }

    /**
     * Rows for an export to read, all in one transaction: {@code count} generations of the account (canceled, so
     * no claim of another test takes them), ledger adjustments and audit lines by {@code actor}, each set
     * sharing its creation time {@code tie} rows at a time, newest at {@code newest}.
     */
    public void exportRows(String accountId, String actor, int count, int tie, Instant newest) {
        for (int i = 0; i < count; i++) {
            Instant at = newest.minusSeconds(i / tie);
            Generation g = new Generation(accountId, liveKeys.get(accountId), KeyMode.LIVE, clip("export " + i),
                    "sandbox", clipPrice(), 1000, at);
            g.cancel(at);
            generations.store(g);
            ledgerEntries.append(LedgerEntry.adjustment(accountId, 1, "export " + i, actor, at));
            audit.append(new AuditEntry(actor, "exports:test", accountId, "line " + i, at));
        }
    }
}
