package io.reelforge.sdk;

/** {@code waitFor} (and {@code save}/{@code download} on a job) when the job ended failed, canceled or expired. */
public class GenerationFailedException extends ReelforgeException {
    private final transient Generation generation;

    GenerationFailedException(Generation g) {
        super("generation " + g.generationId() + " ended " + g.status()
                + (g.errorCode() == null ? "" : ": " + g.errorCode())
                + (g.errorMessage() == null ? "" : ": " + g.errorMessage()));
        this.generation = g;
    }

    public String generationId() { return generation.generationId(); }
    /** failed, canceled or expired. */
    public String status() { return generation.status(); }
    public String errorCode() { return generation.errorCode(); }
    public String errorMessage() { return generation.errorMessage(); }
    public Generation generation() { return generation; }
}
