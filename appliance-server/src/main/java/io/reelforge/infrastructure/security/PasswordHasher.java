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

    private static PasswordService create() {
        DefaultHashService hashes = new DefaultHashService();
        hashes.setDefaultAlgorithmName("2y");
        DefaultPasswordService service = new DefaultPasswordService();
        service.setHashService(hashes);
        return service;
    }
}
