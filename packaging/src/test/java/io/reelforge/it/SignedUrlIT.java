package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** output_url is a signed, expiring bearer URL with byte ranges; anything else is refused. */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class SignedUrlIT {

    static Appliance appliance;
    static Api api;
    static String url;
    static String id;

    @BeforeAll
    static void completedClip() throws Exception {
        appliance = SharedAppliance.get();
        api = appliance.api();
        String gen = api.generate(Map.of("prompt", "a studio product shot, camera fixed", "resolution", "720p",
                "camera_fixed", true)).json().path("generation_id").asText();
        JsonNode done = api.await(gen, Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText(), done.toString());
        url = done.path("output_url").asText();
        id = gen;
    }

    @Test
    void rangesAndHead() throws Exception {
        Api.Resp whole = api.getUrl(url, Map.of());
        assertEquals(200, whole.status());
        assertEquals("video/mp4", whole.header("Content-Type"));
        assertEquals("bytes", whole.header("Accept-Ranges"));
        Api.Resp part = api.getUrl(url, Map.of("Range", "bytes=100-199"));
        assertEquals(206, part.status());
        assertEquals("bytes 100-199/" + whole.bytes().length, part.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.bytes(), 100, 200), part.bytes());
        Api.Resp tail = api.getUrl(url, Map.of("Range", "bytes=-10"));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.bytes(), whole.bytes().length - 10, whole.bytes().length), tail.bytes());
        Api.Resp past = api.getUrl(url, Map.of("Range", "bytes=999999999-"));
        ErrorsIT.assertError(past, 416, "range_not_satisfiable", null);
        assertEquals("bytes */" + whole.bytes().length, past.header("Content-Range"));
        Api.Resp content = api.getWith("/v1/videos/" + id + "/content", Map.of("Range", "bytes=999999999-"));
        ErrorsIT.assertError(content, 416, "range_not_satisfiable", null);
    }

    @Test
    void tamperedUrlsAreRefused() throws Exception {
        String sig = url.substring(url.indexOf("signature=") + 10);
        String flipped = url.replace("signature=" + sig, "signature=" + (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1));
        ErrorsIT.assertError(api.getUrl(flipped, Map.of()), 403, "url_signature_invalid", null);
        long exp = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        ErrorsIT.assertError(api.getUrl(url.replace("expires=" + exp, "expires=" + (exp + 3600)), Map.of()), 403,
                "url_signature_invalid", null);
        ErrorsIT.assertError(api.getUrl(url.substring(0, url.indexOf('?')), Map.of()), 403, "url_signature_invalid", null);
        String otherId = url.replace(id, java.util.UUID.randomUUID().toString());
        ErrorsIT.assertError(api.getUrl(otherId, Map.of()), 403, "url_signature_invalid", null);
    }

    @Test
    void anExpiredButGenuineSignatureIsRefused() throws Exception {
        byte[] key = Base64.getDecoder().decode(
                Files.readString(appliance.dataDir().resolve("keys/url-signing.key")).trim());
        String path = "/v1/files/" + id + ".mp4";
        long past = Instant.now().minusSeconds(5).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((path + "\n" + past).getBytes(StandardCharsets.UTF_8)));
        String base = appliance.baseUrl() + path;
        ErrorsIT.assertError(api.getUrl(base + "?expires=" + past + "&signature=" + sig, Map.of()), 403, "url_expired", null);
        long future = Instant.now().plusSeconds(60).getEpochSecond();
        String good = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((path + "\n" + future).getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, api.getUrl(base + "?expires=" + future + "&signature=" + good, Map.of()).status(),
                "the same key signs a URL the appliance accepts: the refusal above was the expiry");
    }

    @Test
    void noPathTraversal() throws Exception {
        for (String evil : new String[] {"..%2Fkeys%2Furl-signing.key", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fkeys"}) {
            Api.Resp r = api.getUrl(appliance.baseUrl() + "/v1/files/" + evil + "?expires=9999999999&signature=x", Map.of());
            assertNotEquals(200, r.status(), evil);
            assertEquals(-1, r.text().indexOf("root:"), evil);
        }
        URI raw = URI.create(appliance.baseUrl() + "/v1/files/../keys/url-signing.key");
        assertNotEquals(200, api.getUrl(raw.toString(), Map.of()).status());
    }
}
