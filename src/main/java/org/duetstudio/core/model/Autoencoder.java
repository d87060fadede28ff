package org.duetstudio.core.model;

import org.duetstudio.core.data.ImageDataset;

/** A generator that can also map images into its latent space and back (a VAE can; a GAN cannot). */
public interface Autoencoder extends ImageGenerator {
  /** Where each image lands in latent space (the mean of its code). */
  float[][] encode(ImageDataset images);

  /** Each image passed through the model: encoded, then decoded. */
  float[][] reconstruct(ImageDataset images);
}
