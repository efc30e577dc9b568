package io.reelforge.application.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.EngineCatalog;
import io.reelforge.application.OutputStorage;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.engine.EngineStatus;

/**
 * The last 24 hours at a glance: generations by status and by hour, render time, credits debited and refunded,
 * the engines' readiness and the output root's disk.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboard {

    public static final Duration WINDOW = Duration.ofHours(24);

    /** One engine as installed: whether it can render now, on what, and why not. */
    public record EngineView(String id, boolean ready, String device, String detail) {
    }

    /** Clips created in one hour, split into those that failed (failed, timed out, blocked) and the others. */
    public record HourBucket(Instant hour, long created, long failed) {
    }

    /** Counts keyed by the API's status names, in lifecycle order; disk figures are -1 when unknown. */
    public record Stats(Instant since, Map<String, Long> byStatus, long renderSeconds, long creditsDebited,
                        long creditsRefunded, List<EngineView> engines, String storageRoot, long outputBytes,
                        long diskFreeBytes, long diskTotalBytes, List<HourBucket> hours) {
    }

    @Inject
    GenerationRepository generations;

    @Inject
    LedgerRepository ledger;

    @Inject
    EngineCatalog engines;

    @Inject
    OutputStorage store;

    @Inject
    Clock clock;

    public Stats stats() {
        ConsoleSubject.require("dashboard:read");
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        generations.countByStatusSince(since).forEach((s, n) -> byStatus.put(s.wireName(), n));
        List<EngineView> engineViews = engines.all().values().stream().map(e -> {
            EngineStatus s = e.status();
            return new EngineView(e.id(), s.ready(), s.device(), s.detail());
        }).toList();
        OutputStorage.Space disk = store.space();
        return new Stats(since, byStatus, generations.renderMsSince(since) / 1000, -ledger.sumSince(EntryKind.DEBIT, since),
                ledger.sumSince(EntryKind.REFUND, since), engineViews, store.root().toString(),
                generations.storedOutputBytes(), disk.freeBytes(), disk.totalBytes(), hourly(now));
    }

    /** 24 hourly buckets, oldest first, the last one being the current (partial) hour. */
    private List<HourBucket> hourly(Instant now) {
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        Instant first = last.minus(23, ChronoUnit.HOURS);
        long[] created = new long[24];
        long[] failed = new long[24];
        for (Object[] row : generations.createdAndStatusSince(first)) {
            int i = (int) Duration.between(first, (Instant) row[0]).toHours();
            if (i >= 0 && i < 24) {
                created[i]++;
                if (row[1] == GenerationStatus.FAILED) {
                    failed[i]++;
                }
            }
        }
        List<HourBucket> buckets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            buckets.add(new HourBucket(first.plus(i, ChronoUnit.HOURS), created[i], failed[i]));
        }
        return buckets;
    }
}
