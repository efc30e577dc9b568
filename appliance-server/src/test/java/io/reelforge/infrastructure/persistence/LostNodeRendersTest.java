package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.node.ClusterNode;

/**
 * The renders every heartbeat takes back ({@code processingWithoutLiveNode}): those of nodes whose lease lapsed, that
 * left, or that are gone, and never a live node's; and the query stays one prepared statement whatever the time, so
 * Derby compiles it once instead of at every heartbeat.
 */
class LostNodeRendersTest {

    private static final Instant T0 = Instant.parse("2026-12-07T18:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(15);

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theRendersOfLapsedLeftAndGoneNodesAndNoOtherAreTakenBack(String kind) throws Exception {
        try (TransactionalRepositories db = TransactionalRepositories.open(kind, "lost-nodes")) {
            GenerationRepository generations = db.generations();
            List<String> ids = setUp(db, generations);
            Instant now = T0.plusSeconds(10);
            List<String> lost = db.inTransaction(() -> generations.processingWithoutLiveNode(now));
            // on the live node: kept; on the lapsed, the left and the gone one: taken back, oldest first; queued: not
            assertEquals(List.of(ids.get(1), ids.get(2), ids.get(3)), lost);
            // once the live node's lease lapses too, its render is taken back as well
            assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                    db.inTransaction(() -> generations.processingWithoutLiveNode(T0.plus(LEASE).plusSeconds(1))));
        }
    }

    @Test
    void derbyCompilesTheHeartbeatsQueryOnceWhateverTheTime() throws Exception {
        try (TransactionalRepositories db = TransactionalRepositories.open("derby", "lost-nodes-cache")) {
            GenerationRepository generations = db.generations();
            setUp(db, generations);
            for (int beat = 1; beat <= 3; beat++) {
                Instant now = T0.plusSeconds(beat);
                db.inTransaction(() -> generations.processingWithoutLiveNode(now));
            }
            List<String> cached = db.inTransaction(() -> {
                List<String> texts = new ArrayList<>();
                try (Statement s = db.em().unwrap(Connection.class).createStatement();
                     ResultSet r = s.executeQuery("SELECT SQL_TEXT FROM SYSCS_DIAG.STATEMENT_CACHE")) {
                    while (r.next()) {
                        String text = r.getString(1);
                        if (text.contains("RF_GENERATION") && text.contains("LEASEUNTIL")) {
                            texts.add(text);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return texts;
            });
            assertEquals(1, cached.size(), "one statement for three heartbeats: " + cached);
            assertTrue(cached.get(0).contains("LEASEUNTIL > ?"), "the time is a parameter: " + cached.get(0));
        }
    }

    /** Four renders (on a live node, a lapsed one, one that left, one whose row is gone) and a queued job. */
    private static List<String> setUp(TransactionalRepositories db, GenerationRepository generations) {
        return db.inTransaction(() -> {
            Plan plan = new Plan("lost-test", "Lost nodes test", 1000, 0, true, 90, 100);
            db.em().persist(plan);
            Account account = new Account("Lost nodes team", plan, 5, T0);
            db.em().persist(account);
            ClusterNode live = new ClusterNode("node-live", T0);
            live.started(T0, LEASE);
            ClusterNode lapsed = new ClusterNode("node-lapsed", T0.minusSeconds(60));
            lapsed.started(T0.minusSeconds(60), LEASE);
            ClusterNode left = new ClusterNode("node-left", T0);
            left.started(T0, LEASE);
            left.leave(T0.plusSeconds(1));
            for (ClusterNode n : List.of(live, lapsed, left)) {
                db.em().persist(n);
            }
            ClipRequest r = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
            List<String> ids = new ArrayList<>();
            int i = 0;
            for (String node : new String[] {"node-live", "node-lapsed", "node-left", "node-gone", null}) {
                Generation g = new Generation(account.id(), "k", KeyMode.LIVE, r, "sandbox", 90, 1000, T0.plusSeconds(i++));
                if (node != null) {
                    g.start(T0.plusSeconds(i), node);
                }
                generations.store(g);
                ids.add(g.id());
            }
            return ids;
        });
    }
}
