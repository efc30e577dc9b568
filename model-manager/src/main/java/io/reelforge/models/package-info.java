/**
 * Model packages: a folder holding a {@code manifest.json} and the exported components of one video model
 * (tokenizer, text encoder, denoiser, VAE decoder), verified before anything loads them
 * ({@link io.reelforge.models.ModelPackage#open}). The families this appliance knows are one table,
 * {@link io.reelforge.models.ModelFamily}; everything family-specific is read from it, never from scattered
 * conditionals. Nothing here depends on DJL, so the admin side can verify a package without loading it.
 */
package io.reelforge.models;
