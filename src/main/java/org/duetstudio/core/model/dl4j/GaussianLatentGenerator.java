package org.duetstudio.core.model.dl4j;

import java.util.List;
import java.util.Random;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the studio's generators share: a spec, the image shape, a standard-normal latent space and — for
 * class-conditional models — the classes. A conditional model receives each image's class as a one-hot
 * row beside its other inputs; its public subclass implements {@link ConditionalGenerator}.
 */
abstract class GaussianLatentGenerator implements ImageGenerator {
  static final String Y_SUFFIX = "_class";

  protected final GeneratorSpec spec;
  protected final ImageShape shape;
  protected final List<String> classNames;

  /** Classes the model is conditioned on; 0 when it is not conditional. */
  protected final int classes;

  GaussianLatentGenerator(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    this.spec = spec;
    this.shape = shape;
    this.classNames = List.copyOf(classNames);
    this.classes = spec.conditional() ? classNames.size() : 0;
    if (spec.conditional() && classes < 2) {
      throw new IllegalArgumentException("a class-conditional model needs at least two classes");
    }
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  public List<String> classNames() {
    return classNames;
  }

  @Override
  public int latentDim() {
    return spec.latentDim();
  }

  @Override
  public float[][] samplePrior(int n, long seed) {
    return Batches.gaussian(n, spec.latentDim(), new Random(seed));
  }

  /** Conditional models cycle through the classes (point i gets class i mod k). */
  @Override
  public final float[][] decode(float[][] latent) {
    if (classes == 0) {
      return decode(latent, (float[][]) null);
    }
    int[] labels = new int[latent.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % classes;
    }
    return decode(latent, ConditionalGenerator.oneHot(labels, classes));
  }

  /**
   * Images for latent points and class weights (one row per point); {@code classWeights} is ignored by a
   * model that is not conditional.
   */
  public abstract float[][] decode(float[][] latent, float[][] classWeights);

  /** A placeholder for class rows, or null when the model is not conditional. */
  final SDVariable classInput(SameDiff sd, String name) {
    return classes == 0 ? null : sd.placeHolder(name, DataType.FLOAT, -1, classes);
  }

  /** {@code x} with the class rows appended, or {@code x} itself when not conditional. */
  static SDVariable withClass(SameDiff sd, SDVariable x, SDVariable y) {
    return y == null ? x : sd.concat(1, x, y);
  }

  /** One-hot class rows of the images at {@code idx}. */
  final INDArray classRows(ImageDataset data, int[] idx) {
    if (data.numClasses() != classes) {
      throw new IllegalArgumentException(
          "the model was built for " + classes + " classes, the images have " + data.numClasses());
    }
    return Batches.oneHot(data, idx);
  }

  /** Checks a caller's class weights: one row of k per latent point. */
  final void checkWeights(float[][] latent, float[][] classWeights) {
    if (classes > 0
        && (classWeights == null
            || classWeights.length != latent.length
            || (classWeights.length > 0 && classWeights[0].length != classes))) {
      throw new IllegalArgumentException("give one row of " + classes + " class weights per point");
    }
  }
}
