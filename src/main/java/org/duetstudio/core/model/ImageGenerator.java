package org.duetstudio.core.model;

import java.util.Map;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;

/**
 * A generative model: learns what the images look like, p(image), and makes new ones. Images it returns
 * have the data set's shape, values in [0, 1].
 */
public interface ImageGenerator extends Trainable {
  String name();

  ImageShape shape();

  /** Dimensions of the latent space new images are drawn from. */
  int latentDim();

  /** {@code n} latent points drawn from the prior, repeatably for a seed. */
  float[][] samplePrior(int n, long seed);

  /** Images for the given latent points. */
  float[][] decode(float[][] latent);

  /**
   * The training loss and its parts ("loss", and e.g. "reconstruction" and "kl" for a VAE) on images it
   * did not learn from, repeatably for a seed.
   */
  Map<String, Double> evaluateLoss(ImageDataset images, long seed);

  /**
   * Whether dimensions 1 and 2 of the latent space make a plane worth mapping (a VAE's or a GAN's code);
   * not for a model whose "latent" points are noise images.
   */
  default boolean hasLatentPlane() {
    return latentDim() >= 2;
  }

  /** {@code n} new images, repeatably for a seed. */
  default float[][] sample(int n, long seed) {
    return decode(samplePrior(n, seed));
  }
}
