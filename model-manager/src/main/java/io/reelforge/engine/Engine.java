package io.reelforge.engine;

import java.util.OptionalInt;

/**
 * Something that renders a clip's frames. Implementations are stateless between renders and may be
 * called from several threads at once (one render per thread).
 */
public interface Engine {

    /** Stable id shown to API users as {@code engine}, e.g. {@code sandbox}. */
    String id();

    /** Whether the engine can take a render now, and if not, why. */
    EngineStatus status();

    /**
     * Whether the engine conditions on a start image now. An engine whose model can be replaced while it runs
     * answers for the model a render would use if it started now. By default an engine takes a request with or
     * without an image.
     */
    default ImageSupport imageSupport() {
        return ImageSupport.optional(id());
    }

    /**
     * The frame rate this engine's clips come out at, given the one requested. By default the requested one; the
     * sandbox's {@code fps} test setting answers another, to act as an upstream whose model renders, say, 16 fps.
     * The appliance then asks for as many frames as the clip's length takes at that rate.
     */
    default int frameRate(int requested) {
        return requested;
    }

    /**
     * How many renders this engine runs at once, when it has a count of its own (the {@code djl} engine: one per
     * device). The appliance's render slots follow it when {@code reelforge.render.slots} is {@code auto}. Empty by
     * default: no limit of the engine's own.
     */
    default OptionalInt renderSlots() {
        return OptionalInt.empty();
    }

    /**
     * Renders {@code spec.frameCount()} frames in order into {@code sink}. Checks
     * {@link RenderControl#checkpoint(double)} at least once a frame; that call throws
     * {@link RenderCancelledException} when the caller has stopped the render. Throws
     * {@link RenderDeferredException} when the render cannot start yet for a reason that passes; the job is then
     * queued again without spending an attempt.
     *
     * @return what was actually rendered (model, native size and so on)
     */
    RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException;
}
