package io.reelforge.models;

/**
 * A registry operation refused, with a stable {@code code} the serving layer maps to a status
 * ({@code version.duplicate}, {@code version.unknown}, {@code version.not_ready}, {@code version.load_failed},
 * {@code version.active}, {@code version.pending}, {@code family.no_active}, {@code family.no_previous},
 * {@code import.invalid}, {@code archive.unsafe}, {@code storage.failed}).
 */
public class RegistryException extends Exception {

    private final String code;

    public RegistryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RegistryException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
