package io.reelforge.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.storage.UrlSigner.Verdict;

/** Key rotation: with a grace period old links work until it ends; cut off, they fail at once; both survive a restart. */
class UrlSignerTest {

    @TempDir
    Path keys;

    private final Instant now = Instant.parse("2026-11-24T20:00:00Z");
    private final long expires = now.plusSeconds(3600).getEpochSecond();

    private UrlSigner signer() {
        UrlSigner s = new UrlSigner();
        s.settings = new Settings() {
            @Override
            public Path keysDir() {
                return keys;
            }
        };
        s.loadKey();
        return s;
    }

    @Test
    void oldLinksWorkUntilTheGraceEndsThenFail() throws Exception {
        UrlSigner s = signer();
        String old = s.sign("/v1/files/a.mp4", expires);
        s.rotate(now.plusSeconds(600));
        String fresh = s.sign("/v1/files/a.mp4", expires);

        assertEquals(Verdict.VALID, s.verify("/v1/files/a.mp4", expires, fresh, now));
        assertEquals(Verdict.VALID, s.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(599)));
        assertEquals(Verdict.BAD_SIGNATURE, s.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(600)));
        assertEquals(now.plusSeconds(600), s.state(now).previousValidUntil());

        UrlSigner restarted = signer();
        assertEquals(Verdict.VALID, restarted.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(10)));
        assertEquals(Verdict.VALID, restarted.verify("/v1/files/a.mp4", expires, fresh, now));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("url-signing.previous.key"))));
    }

    @Test
    void cutOffEndsOldLinksAtOnce() {
        UrlSigner s = signer();
        String old = s.sign("/v1/files/a.mp4", expires);
        s.rotate(now.plusSeconds(600));
        String second = s.sign("/v1/files/a.mp4", expires);
        s.rotate(null);

        assertEquals(Verdict.BAD_SIGNATURE, s.verify("/v1/files/a.mp4", expires, old, now));
        assertEquals(Verdict.BAD_SIGNATURE, s.verify("/v1/files/a.mp4", expires, second, now));
        assertNull(s.state(now).previousValidUntil());
        assertEquals(Verdict.BAD_SIGNATURE, signer().verify("/v1/files/a.mp4", expires, second, now));
    }
}
