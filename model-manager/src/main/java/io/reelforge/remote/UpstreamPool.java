package io.reelforge.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.reelforge.net.AddressPolicy;

/**
 * The upstreams, their health and their load. A render takes the healthy upstream with the most free capacity
 * (its limit minus this appliance's renders on it) that is not cooling down after a 429/503; a daemon thread
 * checks every upstream's health endpoint each {@code health-interval}, and a failed connection marks one down
 * at once.
 */
final class UpstreamPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpstreamPool.class.getName());

    private final List<Upstream> configured;
    /** The configured upstreams, then the console-managed ones; replaced whole under the lock. */
    private List<Upstream> upstreams;
    private final UpstreamClient client;
    private final AddressPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService checker;

    UpstreamPool(List<Upstream> upstreams, UpstreamClient client, AddressPolicy policy, Duration interval, Clock clock) {
        this.configured = List.copyOf(upstreams);
        this.upstreams = configured;
        this.client = client;
        this.policy = policy;
        this.clock = clock;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reelforge-remote-health");
            t.setDaemon(true);
            return t;
        });
        // The first check runs at once but off the start-up path: an unreachable upstream never delays a deployment.
        checker.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized boolean empty() {
        return upstreams.isEmpty();
    }

    /**
     * Replaces the console-managed upstreams. One whose URL, limit and key are unchanged keeps its health and
     * load; a removed one's running renders finish on it (they hold it) but it takes no new ones. New ones are
     * checked at once.
     */
    void manage(List<Upstream> managed) {
        synchronized (this) {
            List<Upstream> next = new java.util.ArrayList<>(configured);
            for (Upstream m : managed) {
                next.add(upstreams.stream().filter(u -> u.managed() && u.base().equals(m.base()) && u.limit() == m.limit()
                        && java.util.Objects.equals(u.apiKey(), m.apiKey())).findFirst().orElse(m));
            }
            upstreams = List.copyOf(next);
        }
        checker.execute(this::checkAll);
    }

    synchronized List<Upstream> snapshot() {
        return upstreams;
    }

    /** Takes a slot on the best upstream now, if any is usable. */
    synchronized Optional<Upstream> take() {
        var now = clock.instant();
        Optional<Upstream> best = upstreams.stream().filter(u -> u.usable(now))
                .max(Comparator.comparingInt(Upstream::free).thenComparing(Upstream::inFlight, Comparator.reverseOrder()));
        best.ifPresent(Upstream::take);
        return best;
    }

    synchronized void release(Upstream u) {
        u.release();
    }

    synchronized boolean anyHealthy() {
        return upstreams.stream().anyMatch(Upstream::healthy);
    }

    synchronized void markDown(Upstream u, String why) {
        u.health(false, why);
    }

    synchronized void coolDown(Upstream u, Duration wait) {
        u.coolUntil(clock.instant().plus(wait));
    }

    synchronized String describe() {
        var now = clock.instant();
        return upstreams.stream().map(u -> u.describe(now)).collect(Collectors.joining("; "));
    }

    /** Why the policy refuses this upstream's host, or null when it may be reached. */
    String refusal(Upstream u) {
        String host = u.base().getHost();
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                String why = policy.refusal(a);
                if (why != null) {
                    return "refused: " + host + " resolves to a " + why + " (allow it with " + RemoteSettings.ALLOW + ")";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "cannot resolve " + host;
        }
    }

    /** Whether every upstream has been checked once since it was added (before, "none healthy" means "not known yet"). */
    synchronized boolean checked() {
        return upstreams.stream().allMatch(Upstream::checked);
    }

    void checkAll() {
        for (Upstream u : snapshot()) {
            String refused = refusal(u);
            String why = refused != null ? refused : client.health(u);
            synchronized (this) {
                boolean was = u.healthy();
                u.health(why == null, why == null ? "up" : why);
                if (was != u.healthy()) {
                    LOG.info(() -> "upstream " + u.base() + (u.healthy() ? " is up" : " is down: " + why));
                }
            }
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.FINE, "health checker did not stop", e);
        }
    }
}
