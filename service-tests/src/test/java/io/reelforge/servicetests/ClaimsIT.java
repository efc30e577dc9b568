package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.GenerationService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderOrder;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * {@link RenderLifecycle#claim}, what the dispatcher runs: two claims at once never take one queued job twice (on
 * Derby the second waits for the first's row locks; on PostgreSQL it skips the rows they hold).
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsIT extends AccountTest {

    @Inject
    GenerationService generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    Racer racer;

    @Inject
    UserTransaction tx;

    @Test
    void twoClaimsAtOnceTakeEachQueuedJobOnce() throws Exception {
        List<String> ours = List.of(queued("first"), queued("second"));

        tx.begin();
        List<String> claimed = new ArrayList<>(ids(lifecycle.claim()));
        Future<List<String>> second = racer.start(() -> ids(lifecycle.claim()));
        tx.commit();
        claimed.addAll(second.get(30, TimeUnit.SECONDS));

        assertFalse(claimed.isEmpty(), "a free render slot takes a queued job");
        for (String id : ours) {
            int times = Collections.frequency(claimed, id);
            assertTrue(times <= 1, id + " was claimed " + times + " times");
            Generation g = fixtures.generation(id);
            assertEquals(times == 1 ? GenerationStatus.PROCESSING : GenerationStatus.QUEUED, g.status());
            assertEquals(times, g.attempts());
        }
    }

    private String queued(String prompt) {
        return generations.submit(fixtures.live(account), Fixtures.clip(prompt), null, null, null).generation().id();
    }

    private static List<String> ids(List<RenderOrder> orders) {
        return orders.stream().map(RenderOrder::generationId).toList();
    }
}
