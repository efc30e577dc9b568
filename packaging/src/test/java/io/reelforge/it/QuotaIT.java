package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * 50 concurrent submissions from one account: exactly 5 accepted and charged, the rest 429 with Retry-After. On
 * the shared appliance with 30 s renders set at run time, so none ends during the test.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class QuotaIT {

    static final Map<String, String> SETTINGS = Map.of(SharedAppliance.SANDBOX_PACE, "PT30S");
    static SharedAppliance.Account account;
    static Api api;

    @BeforeAll
    static void settings() throws Exception {
        account = SharedAppliance.setUp("quota", Map.of(), SETTINGS);
        api = account.live();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
    }

    @Test
    void fiftyConcurrentSubmissions() throws Exception {
        long before = api.balance();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Resp>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                go.await();
                return api.generate(Map.of("prompt", "ocean waves " + n, "resolution", "720p"));
            }));
        }
        go.countDown();
        List<String> accepted = new ArrayList<>();
        int limited = 0;
        for (Future<Api.Resp> f : futures) {
            Api.Resp r = f.get();
            if (r.status() == 202) {
                accepted.add(r.json().path("generation_id").asText());
            } else {
                ErrorsIT.assertError(r, 429, "concurrency_limit_exceeded", null);
                assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r.header("Retry-After"));
                limited++;
            }
        }
        pool.shutdown();
        assertEquals(5, accepted.size());
        assertEquals(45, limited);
        assertEquals(before - 5 * 90, api.balance());
        assertEquals(5, api.get("/v1/account").json().path("in_flight").asLong());
        long debits = 0;
        for (JsonNode e : ledger(api)) {
            if ("debit".equals(e.path("kind").asText())) {
                debits++;
            }
        }
        assertEquals(5, debits);

        for (String id : accepted) {
            assertEquals("canceled", api.post("/v1/video/" + id + "/cancel", "application/json", "").json().path("status").asText());
        }
        assertEquals(before, api.balance(), "every cancel refunded exactly once");
        assertEquals(202, api.generate(Map.of("prompt", "ocean again", "resolution", "720p")).status(),
                "room again once the jobs ended");
    }

    static List<JsonNode> ledger(Api api) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        api.get("/v1/account/ledger?limit=100").json().path("data").forEach(all::add);
        return all;
    }
}
