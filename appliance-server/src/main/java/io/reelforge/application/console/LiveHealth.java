package io.reelforge.application.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.EngineCatalog;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * This node now, for the dashboard's live section: its devices, render slots, the queue and how long its oldest
 * job has waited, renders and failures in the last hour, and the engines and model versions rendering.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LiveHealth {

    public static final Duration RECENT = Duration.ofHours(1);

    /** An engine, model and version that rendered in the last hour or renders now, and how many jobs. */
    public record ModelInUse(String engine, String model, String version, long jobs) {
    }

    /** {@code oldestQueuedWait} is zero with an empty queue. */
    public record Snapshot(Instant at, String node, List<DeviceProbe.Device> devices, long busySlots, int totalSlots,
                           long queued, Duration oldestQueuedWait, long rendersLastHour, long failuresLastHour,
                           List<ModelInUse> models) {
    }

    @Inject
    GenerationRepository generations;

    @Inject
    EngineCatalog engines;

    @Inject
    DeviceProbe probe;

    @Inject
    Clock clock;

    public Snapshot now() {
        ConsoleSubject.require("dashboard:read");
        Instant now = clock.instant();
        Duration wait = generations.queued(1).stream().map(Generation::createdAt)
                .map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).findFirst().orElse(Duration.ZERO);
        long[] finished = generations.finishedAndFailedSince(now.minus(RECENT));
        List<ModelInUse> models = generations.modelsInUseSince(now.minus(RECENT)).stream()
                .map(r -> new ModelInUse((String) r[0], (String) r[1], (String) r[2], (Long) r[3])).toList();
        return new Snapshot(now, nodeName(), probe.devices(), generations.countByStatus(GenerationStatus.PROCESSING),
                engines.renderSlots(), generations.countByStatus(GenerationStatus.QUEUED), wait, finished[0], finished[1],
                models);
    }

    private static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "this node";
        }
    }
}
