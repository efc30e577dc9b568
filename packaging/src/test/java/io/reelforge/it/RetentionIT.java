package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Outputs past their retention are deleted and their generations expire; the old URL then says 410. On the
 * shared appliance, with an 8 s retention and a 2 s retention round set at run time (the round rescheduled
 * from the appliance's hourly one without a restart).
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class RetentionIT {

    static final Map<String, String> SETTINGS = Map.of("output.retention", "PT8S", "retention.interval", "PT2S");
    static SharedAppliance.Account account;
    static Api api;

    @BeforeAll
    static void settings() throws Exception {
        account = SharedAppliance.setUp("retention", Map.of(), SETTINGS);
        api = account.live();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
    }

    @Test
    void outputsExpire() throws Exception {
        String id = api.generate(Map.of("prompt", "snow on the mountains", "resolution", "720p"))
                .json().path("generation_id").asText();
        JsonNode done = api.await(id, Duration.ofMinutes(2));
        assertEquals("completed", done.path("status").asText(), done.toString());
        String url = done.path("output_url").asText();
        assertEquals(200, api.getUrl(url, Map.of()).status());
        Path file;
        try (var files = Files.walk(SharedAppliance.get().dataDir().resolve("outputs/videos"))) {
            file = files.filter(p -> p.toString().endsWith(id + ".mp4")).findFirst().orElseThrow();
        }

        // a partial file a killed render left (untouched for a day) beside one being written now
        Path abandoned = file.resolveSibling("." + java.util.UUID.randomUUID() + ".mp4.123.partial");
        Files.write(abandoned, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(1))));
        Path writing = file.resolveSibling("." + java.util.UUID.randomUUID() + ".mp4.456.partial");
        Files.write(writing, new byte[] {1, 2, 3});

        JsonNode expired = api.awaitStatus(id, "expired", Duration.ofSeconds(60));
        assertFalse(Files.exists(abandoned), "retention deletes an abandoned partial file");
        assertTrue(Files.exists(writing), "and leaves one that is still being written");
        Files.delete(writing); // not left for a later retention round once the shared appliance's settings are back
        assertTrue(expired.path("output_url").isNull());
        assertFalse(Files.exists(file), "the file is deleted");
        Api.Resp gone = api.getUrl(url, Map.of());
        ErrorsIT.assertError(gone, 410, "output_expired", null);
    }
}
