package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Credits: one debit per clip, one refund per failed/blocked/canceled clip, the balance is the ledger's sum, and the
 * host's reconciliation ({@code reelforge ledger reconcile}) finds every stored balance equal to its ledger.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class LedgerIT {

    static Api api;

    @BeforeAll
    static void boot() throws Exception {
        api = SharedAppliance.get().api();
    }

    @Test
    void completedBlockedAndCanceledJobsBalance() throws Exception {
        long before = api.balance();
        String completed = api.generate(Map.of("prompt", "sunset over the sea", "resolution", "720p"))
                .json().path("generation_id").asText();

        Api.Resp blocked = api.generate(Map.of("prompt", "a gory scene in the forest"));
        assertEquals(202, blocked.status(), blocked.text());
        JsonNode b = blocked.json();
        assertEquals("failed", b.path("status").asText());
        assertEquals("safety.prompt", b.path("error_code").asText());
        assertTrue(b.path("error_message").asText().contains("violence.graphic"), b.toString());
        assertEquals(0, b.path("credits_used").asLong());

        String canceled = api.generate(Map.of("prompt", "city at night", "resolution", "720p"))
                .json().path("generation_id").asText();
        Api.Resp cancel = api.post("/v1/video/" + canceled + "/cancel", "application/json", "");
        assertEquals(200, cancel.status(), cancel.text());
        assertEquals("canceled", cancel.json().path("status").asText());
        assertEquals(0, cancel.json().path("credits_used").asLong());
        ErrorsIT.assertError(api.post("/v1/video/" + canceled + "/cancel", "application/json", ""), 409,
                "generation.not_cancelable", null);

        assertEquals("completed", api.await(completed, Duration.ofMinutes(3)).path("status").asText());
        assertEquals(before - 90, api.balance());

        Map<String, Map<String, Long>> byGeneration = new HashMap<>();
        long sum = 0;
        for (JsonNode e : allLedgerEntries()) {
            sum += e.path("amount").asLong();
            if (!e.path("generation_id").isNull()) {
                byGeneration.computeIfAbsent(e.path("generation_id").asText(), k -> new HashMap<>())
                        .merge(e.path("kind").asText(), 1L, Long::sum);
            }
        }
        assertEquals(api.balance(), sum, "balance = grants - debits + refunds");
        assertEquals(Map.of("debit", 1L), byGeneration.get(completed));
        assertEquals(Map.of("debit", 1L, "refund", 1L), byGeneration.get(b.path("generation_id").asText()));
        assertEquals(Map.of("debit", 1L, "refund", 1L), byGeneration.get(canceled));

        Api.Resp report = SharedAppliance.get().ops().get("/ops/ledger/reconciliation");
        assertEquals(200, report.status(), report.text());
        assertTrue(report.json().path("accounts").asLong() >= 1, report.text());
        assertEquals(0, report.json().path("mismatches").size(), "every stored balance is its ledger's sum: " + report.text());
    }

    @Test
    void theReconciliationIsForTheHostsTokenOnly() throws Exception {
        ErrorsIT.assertError(api.get("/ops/ledger/reconciliation"), 401, "invalid_ops_token", null);
        ErrorsIT.assertError(api.withKey("not-the-token").get("/ops/ledger/reconciliation"), 401, "invalid_ops_token", null);
    }

    @Test
    void testKeysRenderOnTheSandboxForFree() throws Exception {
        Api test = api.withKey(SharedAppliance.get().testKey());
        long before = api.balance();
        JsonNode job = test.generate(Map.of("prompt", "desert dunes, pan left", "resolution", "720p")).json();
        assertEquals("test", job.path("mode").asText());
        assertEquals(0, job.path("credits_used").asLong());
        JsonNode done = test.await(job.path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText());
        assertEquals("sandbox", done.path("engine").asText());
        assertEquals(before, api.balance());
        assertEquals("test", test.get("/v1/account").json().path("key").path("mode").asText());
    }

    @Test
    void listingIsNewestFirstWithCursors() throws Exception {
        Api test = api.withKey(SharedAppliance.get().testKey());
        for (int i = 0; i < 3; i++) {
            // Blocked at once: list fodder that occupies no render slot.
            assertEquals(202, test.generate(Map.of("prompt", "gore " + i)).status());
        }
        JsonNode first = api.get("/v1/video?limit=2").json();
        assertEquals(2, first.path("data").size());
        assertTrue(first.path("has_more").asBoolean());
        JsonNode second = api.get("/v1/video?limit=2&cursor=" + first.path("next_cursor").asText()).json();
        assertTrue(first.path("data").get(1).path("created_at").asText()
                .compareTo(second.path("data").get(0).path("created_at").asText()) >= 0);
        for (JsonNode g : api.get("/v1/video?status=failed&limit=100").json().path("data")) {
            assertEquals("failed", g.path("status").asText());
        }
    }

    static List<JsonNode> allLedgerEntries() throws Exception {
        List<JsonNode> all = new java.util.ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/v1/account/ledger?limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            page.path("data").forEach(all::add);
            cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : "";
        } while (!cursor.isEmpty());
        return all;
    }
}
