/**
 * The DJL engine: runs an exported video model package ({@link io.reelforge.models}) on DJL's PyTorch
 * engine. As in DJL's Stable Diffusion example the components are plain TorchScript modules and the
 * sampler is written here in NDArrays: prompt encoding ({@link io.reelforge.djl.PromptEncoder}), seeded
 * noise ({@link io.reelforge.djl.SeededNoise}), flow-matching Euler with classifier-free guidance
 * ({@link io.reelforge.djl.FlowEulerSampler}), VAE decode and resize to the output size
 * ({@link io.reelforge.djl.VideoDecoder}, {@link io.reelforge.djl.FrameResizer}).
 *
 * <p>Components load once per engine and stay resident ({@link io.reelforge.djl.LoadedModel}); each render
 * gets its own NDManager, so renders on several threads share nothing mutable. DJL must run offline
 * ({@code ai.djl.offline=true}): the appliance never downloads anything at run time.
 */
package io.reelforge.djl;
