package io.reelforge.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.console.UpstreamKeySeal;
import io.reelforge.domain.model.upstream.UpstreamKeyId;
import io.reelforge.domain.model.upstream.UpstreamRepository;
import io.reelforge.infrastructure.config.KeyFiles;
import io.reelforge.infrastructure.config.NodeIdentity;
import io.reelforge.infrastructure.config.Settings;

/**
 * Seals the API keys of console-managed upstreams for the database: AES-256-GCM with the appliance's own key
 * ({@code upstream-keys.key} in the keys folder, mode 0600), a fresh 96-bit nonce per key, and the upstream's base
 * URL as associated data, so a sealed key copied onto another row does not open. Stored as
 * {@code v1:<base64(nonce || ciphertext || tag)>}.
 *
 * <p>The key never enters the database: whoever reads the database (a dump, a backup) reads no upstream key. Every
 * appliance on one database needs the same key file, so the database records the key's id ({@link UpstreamKeyId}: an
 * HMAC of a fixed label under the key, which tells nothing about it) when the first node makes or adopts its key. A
 * node whose file is missing or differs then refuses to seal or open, naming the node whose file to copy, instead
 * of sealing keys the others cannot open; once the right file is in place it is read at the next use, without a
 * restart. Losing the key file on every node loses the upstream keys (re-enter them), nothing else.
 */
@ApplicationScoped
public class UpstreamKeyCipher implements UpstreamKeySeal {

    static final String KEY_FILE = "upstream-keys.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ID_LABEL = "reelforge upstream-keys.key id".getBytes(StandardCharsets.US_ASCII);

    @Inject
    Settings settings;

    @Inject
    UpstreamRepository upstreams;

    @Inject
    NodeIdentity identity;

    @Inject
    Clock clock;

    private Path dir;
    private String node;
    private volatile SecretKeySpec key;

    UpstreamKeyCipher() {
    }

    /** For tests: a cipher whose key lives in {@code keysDir}, alone (no database records its id). */
    public UpstreamKeyCipher(Path keysDir) {
        this.dir = keysDir;
    }

    /** For tests: the cipher of node {@code node}, its key in {@code keysDir}, its id checked against {@code upstreams}. */
    public UpstreamKeyCipher(Path keysDir, UpstreamRepository upstreams, String node, Clock clock) {
        this.dir = keysDir;
        this.upstreams = upstreams;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public String seal(String plain, String baseUrl) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, baseUrl);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an upstream key", e);
        }
    }

    /** The key sealed for this base URL; {@link IllegalStateException} when it does not open (another key file, another row). */
    @Override
    public String open(String sealed, String baseUrl) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed upstream key");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE), baseUrl);
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the upstream key of " + baseUrl + " does not open with " + KEY_FILE
                    + " (was the keys folder replaced?): enter it again", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String baseUrl) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(baseUrl.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    /** The id recorded for a key: an HMAC-SHA256 of a fixed label under it, 128 bits in hex. */
    static String keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ID_LABEL), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(clusterKey(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    /**
     * This node's key file, checked against the id the database records (the first node's, adopted when there is
     * none); made here only when neither a file nor an id exists. Not cached when refused, so a copied file is
     * read at the next use.
     */
    private byte[] clusterKey() {
        Path file = (dir != null ? dir : settings.keysDir()).resolve(KEY_FILE);
        Optional<UpstreamKeyId> recorded = upstreams == null ? Optional.empty() : upstreams.sealingKeyId();
        if (recorded.isPresent() && !Files.exists(file)) {
            throw new IllegalStateException("this node has no " + file + ", but the upstream keys of this cluster are"
                    + " sealed with key " + recorded.get().keyId() + from(recorded.get()) + ": copy that node's "
                    + KEY_FILE + " into this node's keys folder (mode 0600)");
        }
        byte[] bytes;
        try {
            bytes = KeyFiles.readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the upstream key file " + file, e);
        }
        if (upstreams == null) {
            return bytes;
        }
        String id = keyId(bytes);
        if (recorded.isEmpty() && !upstreams.adoptSealingKeyId(new UpstreamKeyId(id, nodeId(), clock.instant()))) {
            recorded = upstreams.sealingKeyId(); // another node recorded its key first
        }
        if (recorded.isPresent() && !recorded.get().keyId().equals(id)) {
            throw new IllegalStateException(file + " is key " + id + ", but the upstream keys of this cluster are"
                    + " sealed with key " + recorded.get().keyId() + from(recorded.get()) + ": copy that node's "
                    + KEY_FILE + " over this one (mode 0600)");
        }
        return bytes;
    }

    private String nodeId() {
        return node != null ? node : identity.id();
    }

    private static String from(UpstreamKeyId id) {
        return id.node() == null ? "" : " (the file made on node " + id.node() + ")";
    }
}
