package io.reelforge.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Whether the current request proved it comes from the host's administrator (set by {@link OpsFilter}). */
@RequestScoped
public class OpsContext {

    private boolean administrator;

    void grant() {
        administrator = true;
    }

    /** The check every maintenance service starts with; returns the actor name for the audit log. */
    public String requireAdministrator() {
        if (!administrator) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "missing_ops_token",
                    "This endpoint is for the reelforge command on the appliance's host.");
        }
        return "cli";
    }
}
