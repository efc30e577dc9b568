package io.reelforge.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;

import io.reelforge.application.Caller;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "missing_api_key", "This endpoint needs an API key.");
        }
        return caller;
    }
}
