package org.duetstudio.core.model;

import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.dl4j.SameDiffCnn;
import org.duetstudio.core.model.dl4j.SameDiffDiffusion;
import org.duetstudio.core.model.dl4j.SameDiffGan;
import org.duetstudio.core.model.dl4j.SameDiffLatentDiffusion;
import org.duetstudio.core.model.dl4j.SameDiffMlp;
import org.duetstudio.core.model.dl4j.SameDiffVae;
import org.duetstudio.core.model.smile.SmileLogisticRegression;
import org.duetstudio.core.model.smile.SmileNaiveBayes;
import org.duetstudio.core.model.smile.SmileRandomForest;

/** Builds an untrained model from its spec. The one place that knows which class implements a kind. */
public final class Models {
  private Models() {}

  public static ImageClassifier classifier(
      ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    return switch (spec.kind()) {
      case LOGISTIC_REGRESSION -> new SmileLogisticRegression(spec, shape, classNames);
      case NAIVE_BAYES -> new SmileNaiveBayes(spec, shape, classNames);
      case RANDOM_FOREST -> new SmileRandomForest(spec, shape, classNames);
      case MLP -> new SameDiffMlp(spec, shape, classNames);
      case CNN -> new SameDiffCnn(spec, shape, classNames);
    };
  }

  /**
   * A generator for images of {@code shape}; a class-conditional spec gives a {@link
   * ConditionalGenerator} over {@code classNames}.
   */
  public static ImageGenerator generator(
      GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    boolean c = spec.conditional();
    return switch (spec.kind()) {
      case VAE ->
          c
              ? new SameDiffVae.Conditional(spec, shape, classNames)
              : new SameDiffVae(spec, shape, classNames);
      case GAN, DCGAN ->
          c
              ? new SameDiffGan.Conditional(spec, shape, classNames)
              : new SameDiffGan(spec, shape, classNames);
      case DIFFUSION ->
          c
              ? new SameDiffDiffusion.Conditional(spec, shape, classNames)
              : new SameDiffDiffusion(spec, shape, classNames);
      case LATENT_DIFFUSION ->
          c
              ? new SameDiffLatentDiffusion.Conditional(spec, shape, classNames)
              : new SameDiffLatentDiffusion(spec, shape, classNames);
    };
  }
}
