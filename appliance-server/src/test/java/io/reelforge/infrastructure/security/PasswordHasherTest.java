package io.reelforge.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** "$shiro2$2y$10$<salt+hash>": everything up to the salt says how a hash is checked, and so what a check costs. */
    private static String scheme(String hash) {
        return hash.substring(0, hash.lastIndexOf('$') + 1);
    }

    @Test
    void theDecoyIsCheckedLikeANewHash() {
        String fresh = PasswordHasher.hash("someone's password".toCharArray());
        assertEquals(scheme(fresh), scheme(PasswordHasher.DECOY), "the decoy must cost what checking a real hash costs");
        assertEquals(fresh.length(), PasswordHasher.DECOY.length());
        // A hash Shiro can read: the check runs bcrypt to the end and says no.
        assertFalse(PasswordHasher.matches("decoy?".toCharArray(), PasswordHasher.DECOY));
        assertTrue(PasswordHasher.matches("decoy".toCharArray(), PasswordHasher.DECOY));
    }

    @Test
    void aHashMatchesItsPasswordOnly() {
        String h = PasswordHasher.hash("correct horse".toCharArray());
        assertTrue(PasswordHasher.matches("correct horse".toCharArray(), h));
        assertFalse(PasswordHasher.matches("correct horse ".toCharArray(), h));
    }
}
