package io.reelforge.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelforge.domain.model.settings.UrlKey;
import io.reelforge.domain.model.settings.UrlKeyRepository;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.storage.UrlSigner.Verdict;

/**
 * The URL signing key lives in the database and is shared: two appliances (two signers on one store) accept each
 * other's URLs; a rotation on one reaches the other; with a grace period old links work until it ends; cut off,
 * they fail at once; the key files of an earlier version are adopted on the first start.
 */
class UrlSignerTest {

    @TempDir
    Path keys;

    private final Instant now = Instant.parse("2026-11-24T20:00:00Z");
    private final long expires = now.plusSeconds(3600).getEpochSecond();
    /** The database's RF_URL_KEY rows, by slot. */
    private final Map<String, UrlKey> rows = new LinkedHashMap<>();

    private final UrlKeyRepository store = new UrlKeyRepository() {
        @Override
        public List<UrlKey> all() {
            return new ArrayList<>(rows.values());
        }

        @Override
        public Optional<UrlKey> lockCurrent() {
            return Optional.ofNullable(rows.get(UrlKey.CURRENT));
        }

        @Override
        public void put(UrlKey key) {
            rows.put(key.slot(), key);
        }

        @Override
        public void removePrevious() {
            rows.remove(UrlKey.PREVIOUS);
        }

        @Override
        public boolean adopt(List<UrlKey> first) {
            if (rows.containsKey(UrlKey.CURRENT)) {
                return false;
            }
            first.forEach(this::put);
            return true;
        }
    };

    private UrlSigner signer(Path keysDir) {
        UrlSigner s = new UrlSigner();
        s.settings = new Settings() {
            @Override
            public Path keysDir() {
                return keysDir;
            }
        };
        s.repository = store;
        s.clock = Clock.fixed(now, ZoneOffset.UTC);
        s.rotated = new NoEvent();
        s.loadKey();
        return s;
    }

    @Test
    void aUrlSignedByOneApplianceIsValidOnAnotherAndTheFirstKeyIsAdoptedFromTheFiles() throws Exception {
        UrlSigner a = signer(keys.resolve("a"));
        UrlSigner b = signer(keys.resolve("b"));
        assertEquals(Verdict.VALID, b.verify("/v1/files/a.mp4", expires, a.sign("/v1/files/a.mp4", expires), now));
        String fileKey = Files.readString(keys.resolve("a").resolve(UrlSigner.KEY_FILE)).trim();
        assertEquals(fileKey, rows.get(UrlKey.CURRENT).secret(), "the first appliance's key file became the shared key");
        assertEquals(1, rows.size());
    }

    @Test
    void oldLinksWorkUntilTheGraceEndsThenFailOnEveryAppliance() {
        UrlSigner a = signer(keys);
        UrlSigner b = signer(keys.resolve("b"));
        String old = a.sign("/v1/files/a.mp4", expires);
        a.rotate(now.plusSeconds(600));
        a.refresh(); // what the rotation's commit does
        String fresh = a.sign("/v1/files/a.mp4", expires);

        // b has not re-read yet: a URL it does not know makes it look (at most once a second)
        assertEquals(Verdict.VALID, b.verify("/v1/files/a.mp4", expires, fresh, now));
        assertEquals(Verdict.VALID, b.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(599)));
        assertEquals(Verdict.BAD_SIGNATURE, b.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(600)));
        assertEquals(fresh, b.sign("/v1/files/a.mp4", expires), "b signs with the new key");
        assertEquals(now.plusSeconds(600), b.state(now).previousValidUntil());

        UrlSigner restarted = signer(keys);
        assertEquals(Verdict.VALID, restarted.verify("/v1/files/a.mp4", expires, old, now.plusSeconds(10)));
        assertEquals(Verdict.VALID, restarted.verify("/v1/files/a.mp4", expires, fresh, now));
    }

    @Test
    void cutOffEndsOldLinksAtOnce() {
        UrlSigner s = signer(keys);
        String old = s.sign("/v1/files/a.mp4", expires);
        s.rotate(now.plusSeconds(600));
        s.refresh();
        String second = s.sign("/v1/files/a.mp4", expires);
        s.rotate(null);
        s.refresh();

        assertEquals(Verdict.BAD_SIGNATURE, s.verify("/v1/files/a.mp4", expires, old, now));
        assertEquals(Verdict.BAD_SIGNATURE, s.verify("/v1/files/a.mp4", expires, second, now));
        assertNull(s.state(now).previousValidUntil());
        assertEquals(Verdict.BAD_SIGNATURE, signer(keys).verify("/v1/files/a.mp4", expires, second, now));
        assertEquals(32, Base64.getDecoder().decode(rows.get(UrlKey.CURRENT).secret()).length);
    }

    /** The rotation's event: the test refreshes by hand where the commit would. */
    private static final class NoEvent implements Event<UrlSigner.Rotated> {
        @Override
        public void fire(UrlSigner.Rotated event) {
        }

        @Override
        public <U extends UrlSigner.Rotated> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends UrlSigner.Rotated> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<UrlSigner.Rotated> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends UrlSigner.Rotated> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends UrlSigner.Rotated> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
