package io.reelforge.application.console;

/**
 * Console passwords: a slow one-way hash, its check, one-time passwords to replace at the first login, and the
 * time of a check spent for a login refused before its password is looked at. Implemented by the security layer.
 */
public interface Passwords {

    String hash(char[] password);

    boolean matches(char[] password, String storedHash);

    /** A random password, shown once and never stored in clear. */
    String oneTimePassword();

    /** Spends the time of one real check, so a refused login's response time does not tell whether the user exists. */
    void spendCheckTime(char[] password);
}
