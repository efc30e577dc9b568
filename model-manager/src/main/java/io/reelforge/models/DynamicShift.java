package io.reelforge.models;

/**
 * A shift that grows with the latent sequence length, as LTX-Video's scheduler computes it per render
 * ({@code use_dynamic_shifting}): {@code mu} runs linearly from {@code baseShift} at {@code baseSeqLen} tokens to
 * {@code maxShift} at {@code maxSeqLen} (extrapolated beyond), and the schedule is shifted by {@code e^mu}.
 */
public record DynamicShift(int baseSeqLen, int maxSeqLen, double baseShift, double maxShift) {

    public DynamicShift {
        if (baseSeqLen < 1 || maxSeqLen <= baseSeqLen) {
            throw new IllegalArgumentException("shift_dynamic needs 1 <= base_seq_len < max_seq_len");
        }
    }

    /** The shift for a latent of {@code tokens} positions (frames x height x width). */
    public double shift(long tokens) {
        double slope = (maxShift - baseShift) / (maxSeqLen - baseSeqLen);
        return Math.exp(baseShift + slope * (tokens - baseSeqLen));
    }
}
