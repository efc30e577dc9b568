package io.reelforge.infrastructure.security;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;
import org.apache.shiro.crypto.hash.DefaultHashService;

/**
 * Console passwords as bcrypt ("2y", Bouncy Castle's implementation through shiro-hashes-bcrypt) in Shiro's
 * self-describing format, so a later switch to Argon2id can still verify the old hashes.
 */
public final class PasswordHasher {

    private static final PasswordService SERVICE = create();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /**
     * A hash in the format and at the cost {@link #hash} writes (of a password nobody uses), checked against instead
     * of a real one by {@link #spendCheckTime}. A constant rather than hashed at class initialisation, which cost
     * every start a bcrypt round on its critical path; PasswordHasherTest fails should the cost of new hashes change
     * and this one not with it.
     */
    static final String DECOY = "$shiro2$2y$10$0e71.b2P.Ey0c9Ep9JJxQ.eul6vXEXe8cjvvGa54yhIIqN66L4iba";

    private PasswordHasher() {
    }

    public static PasswordService service() {
        return SERVICE;
    }

    public static String hash(char[] password) {
        return SERVICE.encryptPassword(password);
    }

    public static boolean matches(char[] password, String storedHash) {
        return SERVICE.passwordsMatch(password, storedHash);
    }

    /**
     * A random password for someone to replace at their first login (the first admin's, a reset one): 120
     * random bits, URL-safe, shown once and never stored in clear.
     */
    public static String oneTimePassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Spends the time of one real check, for a login refused before its password is looked at (unknown or
     * locked user), so the response time does not tell whether the user exists.
     */
    public static void spendCheckTime(char[] password) {
        SERVICE.passwordsMatch(password, DECOY);
    }

    private static PasswordService create() {
        DefaultHashService hashes = new DefaultHashService();
        hashes.setDefaultAlgorithmName("2y");
        DefaultPasswordService service = new DefaultPasswordService();
        service.setHashService(hashes);
        return service;
    }
}
