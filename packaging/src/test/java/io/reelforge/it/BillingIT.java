package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Plans decide: no credits is 402, a plan without video is 403; test keys work regardless and cost nothing. Each test
 * has an account of its own on the shared appliance, made through the admin API with the plan it needs.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class BillingIT {

    @Test
    void notEnoughCreditsIs402() throws Exception {
        SharedAppliance.Account account = SharedAppliance.account("billing", Map.of("plan", "starter"));
        SharedAppliance.setBalance(account, 100);
        Api api = account.live();
        assertEquals(100, api.balance());
        assertEquals(202, api.generate(Map.of("prompt", "forest", "resolution", "720p")).status());
        Api.Resp second = api.generate(Map.of("prompt", "forest again", "resolution", "720p"));
        ErrorsIT.assertError(second, 402, "insufficient_credits", null);
        assertEquals(10, api.balance());
        assertEquals(202, account.test().generate(Map.of("prompt", "forest", "resolution", "720p")).status());
    }

    @Test
    void freePlanHasNoVideo() throws Exception {
        SharedAppliance.Account account = SharedAppliance.account("free", Map.of("plan", "free"));
        Api api = account.live();
        assertEquals(500, api.balance(), "the free tier's 500 bonus credits");
        Api.Resp r = api.generate(Map.of("prompt", "mountains"));
        ErrorsIT.assertError(r, 403, "plan_without_video", null);
        assertTrue(r.json().path("error").path("message").asText().contains("Free"), r.text());
        assertEquals(500, api.balance());
        assertEquals(202, account.test().generate(Map.of("prompt", "mountains", "resolution", "720p")).status());
    }
}
