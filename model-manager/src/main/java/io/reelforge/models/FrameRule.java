package io.reelforge.models;

/**
 * The frame counts a video VAE accepts: {@code multiple * k + offset}. Causal video VAEs keep the first frame
 * on its own and compress the rest in groups, so Wan takes 4k+1 frames and LTX-Video 8k+1.
 */
public record FrameRule(int multiple, int offset) {

    public FrameRule {
        if (multiple < 1 || offset < 0) {
            throw new IllegalArgumentException("frame rule needs multiple >= 1 and offset >= 0");
        }
    }

    /** The allowed count nearest to {@code frames}, at least {@code multiple + offset}. */
    public int nearest(int frames) {
        long k = Math.max(1, Math.round((frames - offset) / (double) multiple));
        return (int) (k * multiple + offset);
    }

    public boolean allows(int frames) {
        return frames > offset && (frames - offset) % multiple == 0;
    }

    @Override
    public String toString() {
        return multiple + "k+" + offset;
    }
}
