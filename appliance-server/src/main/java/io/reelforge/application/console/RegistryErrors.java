package io.reelforge.application.console;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.models.RegistryException;

/** The model registry's refusals in the appliance's error family; the registry's code is kept as the API's code. */
final class RegistryErrors {

    private RegistryErrors() {
    }

    static ReelforgeException translate(RegistryException e) {
        ErrorType type = switch (e.code()) {
            case "version.unknown" -> ErrorType.NOT_FOUND;
            case "version.duplicate", "version.not_ready", "version.active", "version.pending", "family.no_active",
                 "family.no_previous" -> ErrorType.CONFLICT;
            case "import.invalid", "archive.unsafe", "version.load_failed" -> ErrorType.VALIDATION;
            default -> ErrorType.UNAVAILABLE; // storage.failed: the disk, not the request
        };
        return new ReelforgeException(type, e.code(), e.getMessage());
    }
}
