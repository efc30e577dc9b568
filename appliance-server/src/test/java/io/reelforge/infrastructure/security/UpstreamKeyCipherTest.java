package io.reelforge.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelforge.domain.model.upstream.ConsoleUpstream;
import io.reelforge.domain.model.upstream.UpstreamKeyId;
import io.reelforge.domain.model.upstream.UpstreamRepository;

class UpstreamKeyCipherTest {

    private static final String URL = "http://gpu-1:8000/v1";
    private static final String KEY = "sk-upstream-0123456789abcdef";

    @TempDir
    Path keys;

    @Test
    void sealsWithAKeyFileMadeOnFirstUseAndOpensTheSameKey() throws Exception {
        UpstreamKeyCipher cipher = new UpstreamKeyCipher(keys);
        Path file = keys.resolve(UpstreamKeyCipher.KEY_FILE);
        assertFalse(Files.exists(file), "no key file before the first use");
        String sealed = cipher.seal(KEY, URL);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);

        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(KEY) || sealed.contains(Base64.getEncoder().encodeToString(KEY.getBytes())), sealed);
        assertNotEquals(sealed, cipher.seal(KEY, URL), "a fresh nonce each time");
        assertEquals(KEY, cipher.open(sealed, URL));
        // Another instance over the same folder (a restart) reads the same key file.
        assertEquals(KEY, new UpstreamKeyCipher(keys).open(sealed, URL));
    }

    @Test
    void aKeyDoesNotOpenForAnotherUrlWithAnotherKeyFileOrTampered() throws Exception {
        String sealed = new UpstreamKeyCipher(keys).seal(KEY, URL);
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(sealed, "http://gpu-2:8000/v1"));
        Path other = Files.createDirectories(keys.resolve("other"));
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(other).open(sealed, URL));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(tampered, URL));
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(KEY, URL));
    }

    /** What the nodes share: the database's record of the sealing key's id (the other upstream rows play no part). */
    static final class SharedIds implements UpstreamRepository {
        private UpstreamKeyId id;

        @Override
        public synchronized Optional<UpstreamKeyId> sealingKeyId() {
            return Optional.ofNullable(id);
        }

        @Override
        public synchronized boolean adoptSealingKeyId(UpstreamKeyId candidate) {
            if (id != null) {
                return false;
            }
            id = candidate;
            return true;
        }

        @Override
        public List<ConsoleUpstream> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConsoleUpstream> find(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConsoleUpstream> findByUrl(String baseUrl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void store(ConsoleUpstream upstream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(ConsoleUpstream upstream) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aNodeWithAnotherOrNoKeyFileRefusesUntilTheClustersFileIsCopiedInAndTheKeyNeverEntersTheDatabase() throws Exception {
        SharedIds database = new SharedIds();
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T21:00:00Z"), ZoneOffset.UTC);
        Path keysA = Files.createDirectories(keys.resolve("a"));
        Path keysB = Files.createDirectories(keys.resolve("b"));
        UpstreamKeyCipher a = new UpstreamKeyCipher(keysA, database, "node-a", clock);
        String sealed = a.seal(KEY, URL);
        byte[] keyA = Base64.getDecoder().decode(Files.readString(keysA.resolve(UpstreamKeyCipher.KEY_FILE)).trim());
        UpstreamKeyId recorded = database.sealingKeyId().orElseThrow();
        assertEquals(UpstreamKeyCipher.keyId(keyA), recorded.keyId());
        assertEquals("node-a", recorded.node());
        assertEquals(32, recorded.keyId().length());
        assertFalse(recorded.keyId().contains(Base64.getEncoder().encodeToString(keyA)), "an id, not the key");

        // B has no key file: it makes none of its own, and says whose to copy.
        UpstreamKeyCipher b = new UpstreamKeyCipher(keysB, database, "node-b", clock);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> b.open(sealed, URL));
        assertTrue(none.getMessage().contains("node-a") && none.getMessage().contains(recorded.keyId()), none.getMessage());
        assertFalse(Files.exists(keysB.resolve(UpstreamKeyCipher.KEY_FILE)), "no key of B's own");
        assertThrows(IllegalStateException.class, () -> b.seal(KEY, URL), "nor does it seal with one");

        // A file of another key (a node set up on its own) is refused the same way.
        UpstreamKeyCipher alone = new UpstreamKeyCipher(keysB);
        alone.seal(KEY, URL);
        IllegalStateException other = assertThrows(IllegalStateException.class, () -> b.seal(KEY, URL));
        assertTrue(other.getMessage().contains("copy that node's upstream-keys.key over this one"), other.getMessage());

        // The cluster's file copied in: B opens A's keys and A opens B's, without a restart.
        Files.copy(keysA.resolve(UpstreamKeyCipher.KEY_FILE), keysB.resolve(UpstreamKeyCipher.KEY_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(KEY, b.open(sealed, URL));
        assertEquals(KEY, a.open(b.seal(KEY, URL), URL));
        assertEquals(recorded, database.sealingKeyId().orElseThrow(), "the first node's id stays");
    }

    @Test
    void anUpgradedNodeAdoptsTheKeyFileItSealedWith() throws Exception {
        String before = new UpstreamKeyCipher(keys).seal(KEY, URL); // an appliance of the previous version
        SharedIds database = new SharedIds();
        UpstreamKeyCipher upgraded = new UpstreamKeyCipher(keys, database, "node-a", Clock.systemUTC());
        assertEquals(KEY, upgraded.open(before, URL));
        assertTrue(database.sealingKeyId().isPresent());
    }
}
