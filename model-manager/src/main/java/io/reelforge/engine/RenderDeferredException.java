package io.reelforge.engine;

/**
 * Thrown out of a render that could not start for a reason that passes (a remote upstream answering 429 or 503,
 * or none with free capacity): the appliance puts the job back in the queue without spending its attempt. The
 * engine has already waited its back-off when it throws, so the job is not claimed again at once in a tight loop.
 */
public class RenderDeferredException extends RenderException {

    public static final String CODE = "render.deferred";

    public RenderDeferredException(String message) {
        super(CODE, message);
    }
}
