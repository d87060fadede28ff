package org.duetstudio.core.model.dl4j;

import java.util.Random;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ImageGenerator;

/** What the studio's generators share: a spec, the image shape, and a standard-normal latent space. */
abstract class GaussianLatentGenerator implements ImageGenerator {
  protected final GeneratorSpec spec;
  protected final ImageShape shape;

  GaussianLatentGenerator(GeneratorSpec spec, ImageShape shape) {
    this.spec = spec;
    this.shape = shape;
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public int latentDim() {
    return spec.latentDim();
  }

  @Override
  public float[][] samplePrior(int n, long seed) {
    return Batches.gaussian(n, spec.latentDim(), new Random(seed));
  }
}
