package io.reelforge.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;

import io.reelforge.application.ops.HostAdministrator;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Whether the current request proved it comes from the host's administrator (set by {@link OpsFilter}). */
@RequestScoped
public class OpsContext implements HostAdministrator {

    private boolean administrator;

    void grant() {
        administrator = true;
    }

    @Override
    public String requireAdministrator() {
        if (!administrator) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "missing_ops_token",
                    "This endpoint is for the reelforge command on the appliance's host.");
        }
        return "cli";
    }
}
