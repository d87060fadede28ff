package org.duetstudio.core.config;

import java.util.function.UnaryOperator;

/**
 * Everything that determines a generator training run. Validated on construction. Saved with every run
 * (provenance) and in presets.
 */
public record GeneratorSpec(
    @Doc(label = "Model", value = "Which generative model to train.") GeneratorKind kind,
    @Doc(
            label = "Class-conditional",
            value =
                "Give the model each image's class while it learns, so that it can be asked for"
                    + " images of a chosen class (\"10 sneakers\").")
        boolean conditional,
    @Doc(label = "Epochs", value = "Passes over the training images.", min = 1, max = 1000)
        int epochs,
    @Doc(label = "Batch size", value = "Images per training step.", min = 1, max = 4096)
        int batchSize,
    @Doc(label = "Learning rate", value = "Adam's step size.", min = 1e-7, max = 1) double learningRate,
    @Doc(
            label = "Latent dimensions",
            value =
                "Size of the code each image is compressed to; 2 gives a map you can look at, 16"
                    + " gives sharper samples.",
            min = 1,
            max = 512)
        int latentDim,
    @Doc(
            label = "Hidden units",
            value =
                "Width of the hidden layers; for the DCGAN, the filters of its widest"
                    + " convolution.",
            min = 8,
            max = 4096)
        int hiddenUnits,
    @Doc(
            label = "Sample refresh (s)",
            value = "How often, in seconds, a new sample grid is drawn while training.",
            min = 0.2,
            max = 3600)
        double sampleIntervalSeconds,
    @Doc(label = "Seed", value = "Fixes the initial weights, the noise and the order of images.")
        long seed,
    @Doc(
            label = "Sampling steps",
            value =
                "Diffusion: how many steps a drawing takes from noise to picture; more are slower and"
                    + " a little cleaner.",
            min = 1,
            max = 1000)
        int samplingSteps,
    @Doc(
            label = "Guidance",
            value =
                "Diffusion: how hard a drawing is pushed towards the class asked for (0 ignores the"
                    + " class, 1 is the plain model; more is more typical but less varied).",
            min = 0,
            max = 20)
        double guidance) {

  /** Steps a diffusion model's drawing takes by default. */
  public static final int SAMPLING_STEPS = 20;

  /** A diffusion model's default guidance. */
  public static final double GUIDANCE = 2.0;

  /** Steps missing from a spec saved before there were any (0 from an older file) mean the default. */
  public GeneratorSpec {
    samplingSteps = samplingSteps == 0 ? SAMPLING_STEPS : samplingSteps;
    SpecValidation.check(
        GeneratorSpec.class,
        kind,
        conditional,
        epochs,
        batchSize,
        learningRate,
        latentDim,
        hiddenUnits,
        sampleIntervalSeconds,
        seed,
        samplingSteps,
        guidance);
  }

  /** A spec with the default sampling steps and guidance (which only diffusion reads). */
  public GeneratorSpec(
      GeneratorKind kind,
      boolean conditional,
      int epochs,
      int batchSize,
      double learningRate,
      int latentDim,
      int hiddenUnits,
      double sampleIntervalSeconds,
      long seed) {
    this(
        kind, conditional, epochs, batchSize, learningRate, latentDim, hiddenUnits, sampleIntervalSeconds,
        seed, SAMPLING_STEPS, GUIDANCE);
  }

  /** The defaults that work on Fashion-MNIST. */
  public static GeneratorSpec defaults(GeneratorKind kind) {
    return switch (kind) {
      case VAE -> new GeneratorSpec(kind, false, 10, 100, 1e-3, 16, 512, 2.0, 42);
      case GAN -> new GeneratorSpec(kind, false, 20, 64, 2e-4, 64, 512, 2.0, 42);
      case DCGAN -> new GeneratorSpec(kind, false, 10, 64, 2e-4, 64, 64, 2.0, 42);
      case DIFFUSION -> new GeneratorSpec(kind, true, 8, 64, 1e-3, 16, 32, 10.0, 42);
      case LATENT_DIFFUSION -> new GeneratorSpec(kind, true, 10, 100, 1e-3, 16, 256, 3.0, 42);
    };
  }

  /** The same spec with {@code change} applied to a builder of its fields. */
  private GeneratorSpec with(UnaryOperator<Fields> change) {
    Fields f =
        change.apply(
            new Fields(
                kind, conditional, epochs, batchSize, learningRate, latentDim, hiddenUnits,
                sampleIntervalSeconds, seed, samplingSteps, guidance));
    return new GeneratorSpec(
        f.kind, f.conditional, f.epochs, f.batchSize, f.learningRate, f.latentDim, f.hiddenUnits,
        f.sampleIntervalSeconds, f.seed, f.samplingSteps, f.guidance);
  }

  /** The fields, to change one at a time. */
  private static final class Fields {
    GeneratorKind kind;
    boolean conditional;
    int epochs;
    int batchSize;
    double learningRate;
    int latentDim;
    int hiddenUnits;
    double sampleIntervalSeconds;
    long seed;
    int samplingSteps;
    double guidance;

    Fields(
        GeneratorKind kind, boolean conditional, int epochs, int batchSize, double learningRate,
        int latentDim, int hiddenUnits, double sampleIntervalSeconds, long seed, int samplingSteps,
        double guidance) {
      this.kind = kind;
      this.conditional = conditional;
      this.epochs = epochs;
      this.batchSize = batchSize;
      this.learningRate = learningRate;
      this.latentDim = latentDim;
      this.hiddenUnits = hiddenUnits;
      this.sampleIntervalSeconds = sampleIntervalSeconds;
      this.seed = seed;
      this.samplingSteps = samplingSteps;
      this.guidance = guidance;
    }
  }

  public GeneratorSpec withEpochs(int e) {
    return with(f -> {
      f.epochs = e;
      return f;
    });
  }

  public GeneratorSpec withSeed(long s) {
    return with(f -> {
      f.seed = s;
      return f;
    });
  }

  public GeneratorSpec withLatentDim(int d) {
    return with(f -> {
      f.latentDim = d;
      return f;
    });
  }

  public GeneratorSpec withConditional(boolean c) {
    return with(f -> {
      f.conditional = c;
      return f;
    });
  }

  public GeneratorSpec withBatchSize(int b) {
    return with(f -> {
      f.batchSize = b;
      return f;
    });
  }

  public GeneratorSpec withSamplingSteps(int n) {
    return with(f -> {
      f.samplingSteps = n;
      return f;
    });
  }

  public GeneratorSpec withGuidance(double w) {
    return with(f -> {
      f.guidance = w;
      return f;
    });
  }
}
