package io.reelforge.domain.model.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The Standard Webhooks secrets ({@code whsec_} + base64 of 32 random bytes) a message is signed with. After a
 * rotation the previous secret stays valid until its grace period ends, and messages carry both signatures,
 * so a receiver can switch secrets without dropping a delivery. Kept in clear: signing needs the secret itself.
 */
@Embeddable
public class SigningSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(name = "SECRET", nullable = false, length = 60)
    private String current;

    @Column(name = "PREVIOUSSECRET", length = 60)
    private String previous;

    @Column(name = "PREVIOUSVALIDUNTIL")
    private Instant previousValidUntil;

    protected SigningSecrets() {
    }

    public static SigningSecrets fresh() {
        SigningSecrets s = new SigningSecrets();
        s.current = newSecret();
        return s;
    }

    /** Replaces the secret; the old one keeps signing until {@code now + grace}. Returns the new secret. */
    public String rotate(Duration grace, Instant now) {
        previous = current;
        previousValidUntil = now.plus(grace);
        current = newSecret();
        return current;
    }

    /** The secrets to sign with now: the current one, then the previous one while its grace lasts. */
    public List<String> valid(Instant now) {
        List<String> out = new ArrayList<>(2);
        out.add(current);
        if (previous != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            out.add(previous);
        }
        return out;
    }

    public String current() {
        return current;
    }

    /** When the previous secret stops signing, or null when there is none still valid. */
    public Instant previousValidUntil(Instant now) {
        return previous != null && previousValidUntil != null && now.isBefore(previousValidUntil) ? previousValidUntil : null;
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getEncoder().encodeToString(b);
    }
}
