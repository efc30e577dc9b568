package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The per-key request rate (a per-plan setting, here 8 a minute on the Starter plan, set at run time on the
 * shared appliance) and the RateLimit-Policy / RateLimit fields of the IETF draft, for both the request rate and
 * the jobs-at-once quota (an account of its own with one job at once).
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class RateLimitIT {

    static final Map<String, String> SETTINGS = Map.of("ratelimit.requests-per-minute.starter", "8",
            SharedAppliance.SANDBOX_PACE, "PT20S");
    static SharedAppliance.Account account;

    @BeforeAll
    static void settings() throws Exception {
        account = SharedAppliance.setUp("ratelimit", Map.of("max_concurrent_jobs", 1), SETTINGS);
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
    }

    @Test
    void requestRateAndConcurrencyAreDescribedAndEnforcedWithDistinctCodes() throws Exception {
        // A fresh key: nothing of its minute spent yet.
        Api api = account.test();
        Api.Resp first = api.generate(Map.of("prompt", "rain over a city", "resolution", "720p"));
        assertEquals(202, first.status(), first.text());
        assertEquals("\"requests\";q=8;w=60, \"concurrency\";q=1;qu=\"concurrent-requests\"", first.header("RateLimit-Policy"));
        assertTrue(first.header("RateLimit").matches("\"requests\";r=7;t=\\d+, \"concurrency\";r=0;t=\\d+"), first.header("RateLimit"));

        Api.Resp busy = api.generate(Map.of("prompt", "rain over a city", "resolution", "720p"));
        ErrorsIT.assertError(busy, 429, "concurrency_limit_exceeded", null);
        assertTrue(busy.header("RateLimit").contains("\"concurrency\";r=0;t="), busy.header("RateLimit"));
        assertTrue(Long.parseLong(busy.header("Retry-After")) >= 1);

        for (int remaining = 5; remaining >= 0; remaining--) {
            Api.Resp r = api.get("/v1/account");
            assertEquals(200, r.status(), r.text());
            assertEquals("\"requests\";q=8;w=60", r.header("RateLimit-Policy"));
            assertTrue(r.header("RateLimit").startsWith("\"requests\";r=" + remaining + ";t="), r.header("RateLimit"));
        }
        Api.Resp limited = api.get("/v1/account");
        ErrorsIT.assertError(limited, 429, "rate_limit_exceeded", null);
        long retry = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 60, limited.header("Retry-After"));
        assertTrue(limited.header("RateLimit").startsWith("\"requests\";r=0;t="), limited.header("RateLimit"));

        // Another key has its own budget.
        Api.Resp other = account.live().get("/v1/account");
        assertEquals(200, other.status(), other.text());
    }
}
