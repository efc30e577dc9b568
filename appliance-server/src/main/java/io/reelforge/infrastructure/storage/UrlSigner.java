package io.reelforge.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.application.console.UrlKeys;
import io.reelforge.domain.model.settings.UrlKey;
import io.reelforge.domain.model.settings.UrlKeyRepository;
import io.reelforge.infrastructure.config.KeyFiles;
import io.reelforge.infrastructure.config.Settings;

/**
 * Signs and checks file URLs: HMAC-SHA256 over the path and the expiry, with a 256-bit key kept in the database
 * ({@code RF_URL_KEY}), so that every appliance sharing it signs with one key and any of them serves a URL
 * another signed. A URL is a bearer token until it expires, so it is never logged. After a rotation, URLs
 * signed with the previous key stay valid until a grace deadline (or not at all, when the rotation cut them
 * off); new URLs are signed with the new key only.
 *
 * <p>The keys are held in memory and re-read from the database every few seconds ({@link #refresh}), right
 * after a rotation here commits, and at most once a second when a URL fails to verify (one signed by another
 * appliance just after it rotated). The first start adopts the key files an appliance made before the key
 * moved into the database, so URLs handed out before the upgrade keep working.
 */
@ApplicationScoped
public class UrlSigner implements UrlKeys {

    private static final Logger LOG = Logger.getLogger(UrlSigner.class.getName());

    public enum Verdict { VALID, BAD_SIGNATURE, EXPIRED }

    /** Fired when a rotation has been written; the keys are re-read once it commits. */
    public record Rotated() {
    }

    /** The keys as last read: the one that signs, and every one that verifies with its deadline. */
    private record Keys(UrlKey current, byte[] signing, List<UrlKey> all) {
    }

    /** The key files of versions that kept the key in the keys folder, adopted on the first start. */
    static final String KEY_FILE = "url-signing.key";
    /** The previous key and, on its second line, the epoch second until which it verifies. */
    static final String PREVIOUS_FILE = "url-signing.previous.key";
    private static final long MISS_REFRESH_NANOS = 1_000_000_000L;

    @Inject
    Settings settings;

    @Inject
    UrlKeyRepository repository;

    @Inject
    Clock clock;

    @Inject
    Event<Rotated> rotated;

    private volatile Keys keys;
    private volatile long lastMissRefresh = System.nanoTime() - MISS_REFRESH_NANOS;

    @PostConstruct
    void loadKey() {
        if (repository.all().stream().noneMatch(k -> UrlKey.CURRENT.equals(k.slot()))) {
            try {
                if (repository.adopt(fromFiles())) {
                    LOG.info("URL signing key stored in the database (from " + settings.keysDir() + ")");
                }
            } catch (RuntimeException anotherNodeFirst) {
                LOG.info("URL signing key: another appliance stored its key first; using that one");
            }
        }
        refresh();
    }

    /** Re-reads the keys from the database: a rotation on another appliance takes effect here. */
    public void refresh() {
        List<UrlKey> all = repository.all();
        UrlKey current = all.stream().filter(k -> UrlKey.CURRENT.equals(k.slot())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no URL signing key in the database"));
        keys = new Keys(current, Base64.getDecoder().decode(current.secret()), List.copyOf(all));
    }

    @Override
    public void rotate(Instant previousValidUntil) {
        UrlKey current = repository.lockCurrent()
                .orElseThrow(() -> new IllegalStateException("no URL signing key in the database"));
        if (previousValidUntil != null) {
            repository.put(current.retired(previousValidUntil));
        } else {
            repository.removePrevious();
        }
        current.replace(Base64.getEncoder().encodeToString(KeyFiles.fresh()), clock.instant());
        rotated.fire(new Rotated());
    }

    void onRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) Rotated event) {
        refresh();
    }

    @Override
    public KeyState state(Instant now) {
        Keys k = keys;
        Instant until = k.all().stream().filter(x -> UrlKey.PREVIOUS.equals(x.slot()) && x.verifiesAt(now))
                .map(UrlKey::validUntil).findFirst().orElse(null);
        return new KeyState(k.current().createdAt(), until);
    }

    @Override
    public String sign(String path, long expiresEpochSecond) {
        return sign(keys.signing(), path, expiresEpochSecond);
    }

    @Override
    public Duration ttl() {
        return settings.outputUrlTtl();
    }

    /** Checks the signature first (constant time), then the expiry, so a forged URL never learns about time. */
    public Verdict verify(String path, long expiresEpochSecond, String signature, Instant now) {
        if (signature == null) {
            return Verdict.BAD_SIGNATURE;
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        boolean valid = matches(keys, path, expiresEpochSecond, presented, now);
        long t = System.nanoTime();
        if (!valid && t - lastMissRefresh >= MISS_REFRESH_NANOS) {
            lastMissRefresh = t;
            refresh();
            valid = matches(keys, path, expiresEpochSecond, presented, now);
        }
        if (!valid) {
            return Verdict.BAD_SIGNATURE;
        }
        return now.getEpochSecond() < expiresEpochSecond ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static boolean matches(Keys k, String path, long expires, byte[] presented, Instant now) {
        boolean valid = false;
        for (UrlKey key : k.all()) {
            // every key is tried, so the time taken does not say which one matched
            valid |= key.verifiesAt(now) && MessageDigest.isEqual(
                    sign(Base64.getDecoder().decode(key.secret()), path, expires).getBytes(StandardCharsets.US_ASCII), presented);
        }
        return valid;
    }

    private static String sign(byte[] k, String path, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This appliance's key files (made now when there are none), as the database's first keys. */
    private List<UrlKey> fromFiles() {
        Path file = settings.keysDir().resolve(KEY_FILE);
        try {
            String secret = Base64.getEncoder().encodeToString(KeyFiles.readOrCreate(file));
            UrlKey current = UrlKey.current(secret, Files.getLastModifiedTime(file).toInstant());
            List<UrlKey> out = new ArrayList<>(List.of(current));
            Path prev = settings.keysDir().resolve(PREVIOUS_FILE);
            if (Files.exists(prev)) {
                List<String> lines = Files.readAllLines(prev);
                Instant until = Instant.ofEpochSecond(Long.parseLong(lines.get(1).trim()));
                out.add(UrlKey.current(lines.get(0).trim(), current.createdAt()).retired(until));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the URL signing key in " + file.getParent(), e);
        }
    }
}
