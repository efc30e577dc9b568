package io.reelforge.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.console.Passwords;

/** The console's passwords as {@link PasswordHasher} keeps them (bcrypt in Shiro's format), for the application's use cases. */
@ApplicationScoped
public class BcryptPasswords implements Passwords {

    @Override
    public String hash(char[] password) {
        return PasswordHasher.hash(password);
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        return PasswordHasher.matches(password, storedHash);
    }

    @Override
    public String oneTimePassword() {
        return PasswordHasher.oneTimePassword();
    }

    @Override
    public void spendCheckTime(char[] password) {
        PasswordHasher.spendCheckTime(password);
    }
}
