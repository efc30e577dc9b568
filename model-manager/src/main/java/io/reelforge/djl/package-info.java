/**
 * The DJL engine: runs an exported video model package ({@link io.reelforge.models}) on DJL's PyTorch
 * engine. As in DJL's Stable Diffusion example the components are plain TorchScript modules and the
 * sampler is written here in NDArrays: prompt encoding ({@link io.reelforge.djl.PromptEncoder}), seeded
 * noise ({@link io.reelforge.djl.SeededNoise}), flow-matching sampling with classifier-free guidance
 * ({@link io.reelforge.djl.FlowSampler}: Euler, or DPM-Solver++ (2M) in {@link io.reelforge.djl.DpmSolverStep}),
 * VAE decode and resize to the output size
 * ({@link io.reelforge.djl.VideoDecoder}, {@link io.reelforge.djl.FrameResizer}).
 *
 * <p>The appliance's {@code djl} engine ({@link io.reelforge.djl.DjlEngine}) owns the model registry and
 * renders each clip on a lease of the configured family's active version; a version's components load once
 * ({@link io.reelforge.djl.DjlVersionLoader}, {@link io.reelforge.djl.LoadedModel}) and stay resident while it
 * is active or leased, behind a {@link io.reelforge.djl.PackageEngine}. Each render gets its own NDManager, so
 * renders on several threads share nothing mutable. DJL must run offline ({@code ai.djl.offline=true}): the
 * appliance never downloads anything at run time.
 */
package io.reelforge.djl;
