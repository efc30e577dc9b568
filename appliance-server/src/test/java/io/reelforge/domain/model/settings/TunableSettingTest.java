package io.reelforge.domain.model.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.shared.ReelforgeException;

/** Which settings can change at run time, and the rules a new value must meet (a 422 naming why, never a 500). */
class TunableSettingTest {

    private static String normalized(String name, String value) {
        return TunableSetting.named(name).orElseThrow().normalize(value);
    }

    private static ReelforgeException refused(String name, String value) {
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> normalized(name, value), name + "=" + value);
        assertEquals("settings.invalid", e.code());
        assertEquals("value", e.param());
        assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
        return e;
    }

    @Test
    void onlyListedSettingsAndPlanRatesAreTunable() {
        assertTrue(TunableSetting.isTunable("reelforge.render.timeout"));
        assertTrue(TunableSetting.isTunable("reelforge.ratelimit.requests-per-minute.starter"));
        assertEquals("reelforge.ratelimit.requests-per-minute.pro",
                TunableSetting.named("reelforge.ratelimit.requests-per-minute.pro").orElseThrow().name());
        assertFalse(TunableSetting.isTunable("reelforge.ratelimit.requests-per-minute."));
        assertFalse(TunableSetting.isTunable("reelforge.ratelimit.requests-per-minute.Bad Plan"));
        assertFalse(TunableSetting.isTunable("reelforge.data-dir"), "read at boot, before the database");
        assertFalse(TunableSetting.isTunable("reelforge.storage.root"), "changed through the settings page's own rules");
        assertFalse(TunableSetting.isTunable("reelforge.cluster.heartbeat"));
        assertFalse(TunableSetting.isTunable(null));
        assertTrue(TunableSetting.named("reelforge.engine.sandbox.min-render-time").orElseThrow().hostOnly());
        assertTrue(TunableSetting.all().stream().filter(TunableSetting::hostOnly).count() == 1, "only the test pacing is host-only");
    }

    @Test
    void engineAndFamilyIdsAreLowerCaseIdentifiers() {
        assertEquals("remote", TunableSetting.named("reelforge.engine.default").orElseThrow().normalize(" Remote "));
        assertEquals("wan2.2-ti2v-5b", TunableSetting.named("reelforge.engine.djl.family").orElseThrow().normalize("wan2.2-ti2v-5b"));
        assertTrue(refused("reelforge.engine.default", "").getMessage().contains("engine's id"));
        refused("reelforge.engine.default", "../../etc");
        refused("reelforge.engine.djl.family", "wan 2.1");
        assertFalse(TunableSetting.named("reelforge.engine.default").orElseThrow().hostOnly(), "an operator's choice");
    }

    @Test
    void durationsAreIsoAndOverZero() {
        assertEquals("PT2S", normalized("reelforge.render.timeout", " PT2S "));
        assertEquals("PT10M", normalized("reelforge.output.retention", "pt600s"));
        assertTrue(refused("reelforge.render.timeout", "10 minutes").getMessage().contains("ISO-8601"));
        refused("reelforge.render.timeout", "PT0S");
        refused("reelforge.retention.interval", "-PT1S");
        refused("reelforge.webhooks.timeout", "");
        refused("reelforge.output.retention", "PT1000000H");
        assertEquals("PT0S", normalized("reelforge.engine.sandbox.min-render-time", "PT0S"), "no pacing at all");
        refused("reelforge.engine.sandbox.min-render-time", "-PT1S");
    }

    @Test
    void countsAreWholeAndNotNegative() {
        assertEquals("8", normalized("reelforge.ratelimit.requests-per-minute.starter", "8"));
        assertEquals("0", normalized("reelforge.ratelimit.requests-per-minute", "0"));
        refused("reelforge.ratelimit.requests-per-minute", "-1");
        refused("reelforge.ratelimit.requests-per-minute", "8.5");
        refused("reelforge.ratelimit.requests-per-minute", "3000000000");
        assertEquals("999999999999", normalized("reelforge.health.storage.min-free-mb", "999999999999"));
        refused("reelforge.health.storage.min-free-mb", "lots");
    }

    @Test
    void slotsAreAutoOrOneTo1024() {
        assertEquals("auto", normalized("reelforge.render.slots", "AUTO"));
        assertEquals("1", normalized("reelforge.render.slots", "1"));
        refused("reelforge.render.slots", "0");
        refused("reelforge.render.slots", "1025");
        refused("reelforge.render.slots", "two");
    }

    @Test
    void retrySchedulesAndAddressListsAreListsOfTheirKind() {
        assertEquals("PT1S,PT5M", normalized("reelforge.webhooks.retry-schedule", "PT1S, PT5M,"));
        assertEquals("", normalized("reelforge.webhooks.retry-schedule", ""), "no retry at all");
        refused("reelforge.webhooks.retry-schedule", "PT1S,soon");
        refused("reelforge.webhooks.retry-schedule", "PT1S,PT0S");
        refused("reelforge.webhooks.retry-schedule", "PT1S,".repeat(51));
        assertEquals("127.0.0.1,10.0.0.0/8", normalized("reelforge.webhooks.allow-addresses", " 127.0.0.1 , 10.0.0.0/8 "));
        assertEquals("", normalized("reelforge.webhooks.allow-addresses", " "));
        refused("reelforge.webhooks.allow-addresses", "1".repeat(2001));
    }
}
