package org.duetstudio.core.config;

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
        long seed) {

  public GeneratorSpec {
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
        seed);
  }

  /** The defaults that work on Fashion-MNIST. */
  public static GeneratorSpec defaults(GeneratorKind kind) {
    return switch (kind) {
      case VAE -> new GeneratorSpec(kind, false, 10, 100, 1e-3, 16, 512, 2.0, 42);
      case GAN -> new GeneratorSpec(kind, false, 20, 64, 2e-4, 64, 512, 2.0, 42);
      case DCGAN -> new GeneratorSpec(kind, false, 10, 64, 2e-4, 64, 64, 2.0, 42);
    };
  }

  public GeneratorSpec withEpochs(int e) {
    return new GeneratorSpec(
        kind,
        conditional,
        e,
        batchSize,
        learningRate,
        latentDim,
        hiddenUnits,
        sampleIntervalSeconds,
        seed);
  }

  public GeneratorSpec withSeed(long s) {
    return new GeneratorSpec(
        kind,
        conditional,
        epochs,
        batchSize,
        learningRate,
        latentDim,
        hiddenUnits,
        sampleIntervalSeconds,
        s);
  }

  public GeneratorSpec withLatentDim(int d) {
    return new GeneratorSpec(
        kind,
        conditional,
        epochs,
        batchSize,
        learningRate,
        d,
        hiddenUnits,
        sampleIntervalSeconds,
        seed);
  }

  public GeneratorSpec withConditional(boolean c) {
    return new GeneratorSpec(
        kind,
        c,
        epochs,
        batchSize,
        learningRate,
        latentDim,
        hiddenUnits,
        sampleIntervalSeconds,
        seed);
  }

  public GeneratorSpec withBatchSize(int b) {
    return new GeneratorSpec(
        kind,
        conditional,
        epochs,
        b,
        learningRate,
        latentDim,
        hiddenUnits,
        sampleIntervalSeconds,
        seed);
  }
}
