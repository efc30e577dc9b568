package io.reelforge.application.console;

import java.time.Duration;

/** The appliance's settings for console sign-in: how failed attempts slow down, how long a session lasts. Implemented by the settings. */
public interface SignInLimits {

    /** Failed sign-ins from one address, or for one user name, before each further one waits longer. */
    int consoleLoginFreeFailures();

    /** The longest wait an address that keeps failing is given. */
    Duration consoleLoginMaxDelay();

    /** The longest wait a user name guessed at from many addresses is given. */
    Duration consoleLoginUserMaxDelay();

    /** How long a console session lasts without a request. */
    Duration consoleSessionTimeout();
}
