package io.reelforge.application.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerRepository;

/** The last 24 hours at a glance: generations by status, credits debited and refunded. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboard {

    public static final Duration WINDOW = Duration.ofHours(24);

    /** Counts keyed by the API's status names, in lifecycle order. */
    public record Stats(Instant since, Map<String, Long> byStatus, long creditsDebited, long creditsRefunded) {
    }

    @Inject
    GenerationRepository generations;

    @Inject
    LedgerRepository ledger;

    @Inject
    Clock clock;

    public Stats stats() {
        ConsoleSubject.require("dashboard:read");
        Instant since = clock.instant().minus(WINDOW);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        generations.countByStatusSince(since).forEach((s, n) -> byStatus.put(s.wireName(), n));
        return new Stats(since, byStatus, -ledger.sumSince(EntryKind.DEBIT, since), ledger.sumSince(EntryKind.REFUND, since));
    }
}
