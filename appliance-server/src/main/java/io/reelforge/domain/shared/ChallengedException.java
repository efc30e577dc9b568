package io.reelforge.domain.shared;

/** A 401 whose {@code WWW-Authenticate} challenge is not the API key's Bearer one (the admin API's Basic). */
public class ChallengedException extends ReelforgeException {

    private final String challenge;

    public ChallengedException(String challenge, String code, String message) {
        super(ErrorType.AUTHENTICATION, code, message);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
