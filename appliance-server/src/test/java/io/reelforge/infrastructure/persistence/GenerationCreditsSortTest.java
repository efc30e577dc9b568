package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationListing;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.Resolution;

/**
 * The console sorts its Credits column by what the column shows (and the API's credits_used says): a refunded
 * failure or cancel spent nothing, whatever it was charged at submission.
 */
class GenerationCreditsSortTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void creditsSortByWhatWasSpentAfterRefunds(String kind) throws Exception {
        try (TransactionalRepositories db = TransactionalRepositories.open(kind, "credits-sort")) {
            GenerationRepository generations = db.generations();
            String account = db.inTransaction(() -> {
                Plan plan = new Plan("sort-test", "Sort test", 1000, 0, true, 90, 100);
                db.em().persist(plan);
                Account a = new Account("Sort team", plan, 5, T0);
                db.em().persist(a);
                ClipRequest r = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
                Generation queued = new Generation(a.id(), "k", KeyMode.LIVE, r, "sandbox", 90, 1000, T0);
                Generation failed = new Generation(a.id(), "k", KeyMode.LIVE, r, "sandbox", 90, 1000, T0.plusSeconds(1));
                failed.fail("render.failed", "broke", T0.plusSeconds(2));
                Generation canceled = new Generation(a.id(), "k", KeyMode.LIVE, r, "sandbox", 90, 1000, T0.plusSeconds(3));
                canceled.cancel(T0.plusSeconds(4));
                Generation cheap = new Generation(a.id(), "k", KeyMode.TEST, r, "sandbox", 40, 1000, T0.plusSeconds(5));
                for (Generation g : List.of(queued, failed, canceled, cheap)) {
                    generations.store(g);
                }
                return a.id();
            });
            GenerationQuery byCredits = new GenerationQuery(account, null, null, null, null, null, null,
                    List.of(new GenerationQuery.Sort(GenerationQuery.Field.CREDITS, true)));
            List<Long> shown = db.inTransaction(() -> generations.search(byCredits, 0, 10).stream()
                    .map(GenerationListing::generation).map(Generation::creditsSpent).toList());
            assertEquals(List.of(0L, 0L, 40L, 90L), shown, "ascending by credits spent, as the column shows them");
        }
    }
}
