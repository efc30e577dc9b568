package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * DPM-Solver++ (2M) for rectified flow, the update of Wan's FlowDPMSolverMultistepScheduler (solver order 2,
 * midpoint, data prediction, final sigma zero). With {@code alpha = 1 - sigma} and
 * {@code lambda = log(alpha / sigma)}, the velocity becomes a clean-sample prediction {@code m = x - sigma v},
 * and a step from s to t with {@code h = lambda_t - lambda_s} is
 * <pre>
 *   first order:  x_t = (sigma_t / sigma_s) x + alpha_t (1 - e^-h) m_s
 *   second order: x_t = (sigma_t / sigma_s) x + alpha_t (1 - e^-h) (m_s + (m_s - m_prev) / (2 r)),  r = h_prev / h
 * </pre>
 * The first step has no earlier prediction and the last (to sigma 0) is first order, as in Wan. At sigma 1
 * lambda is minus infinity: the coefficients are computed in doubles, where {@code e^-inf = 0} and
 * {@code h / inf = 0}, so the step after it is first order too, exactly as the scheduler's tensors do. The first
 * order step is Euler's for this flow; the second corrects for how the prediction moves between steps.
 */
final class DpmSolverStep implements FlowStep {

    private final double[] sigmas;
    private NDArray previous;

    DpmSolverStep(double[] sigmas) {
        this.sigmas = sigmas.clone();
    }

    @Override
    public NDArray next(int i, NDArray x, NDArray velocity) {
        double sigmaS = sigmas[i];
        double sigmaT = sigmas[i + 1];
        double h = lambda(sigmaT) - lambda(sigmaS);
        double toPrediction = (1 - sigmaT) * -Math.expm1(-h);
        NDArray m = x.sub(velocity.mul((float) sigmaS));
        NDArray out = x.mul((float) (sigmaT / sigmaS));
        boolean last = i == sigmas.length - 2;
        if (previous == null || last) {
            out = out.add(m.mul((float) toPrediction));
        } else {
            double correction = 0.5 * toPrediction * h / (lambda(sigmaS) - lambda(sigmas[i - 1]));
            out = out.add(m.mul((float) (toPrediction + correction))).sub(previous.mul((float) correction));
        }
        remember(last ? null : m);
        return out;
    }

    /** Keeps this step's prediction past the step's NDScope, for the next step. */
    private void remember(NDArray m) {
        if (previous != null) {
            previous.close();
        }
        previous = m;
        if (m != null) {
            NDScope.unregister(m);
        }
    }

    /** log(alpha / sigma): minus infinity at sigma 1, infinity at sigma 0. */
    private static double lambda(double sigma) {
        return Math.log(1 - sigma) - Math.log(sigma);
    }

    @Override
    public void close() {
        remember(null);
    }
}
