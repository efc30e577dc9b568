package io.reelforge.application.ops;

/**
 * Whether the current request comes from the administrator of the appliance's host (the {@code reelforge} command,
 * which holds the host's ops token). Implemented by the security layer, which checks the token.
 */
public interface HostAdministrator {

    /** The check every maintenance use case starts with; returns the actor name for the audit log. */
    String requireAdministrator();
}
