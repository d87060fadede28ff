package org.duetstudio.core.config;

/**
 * Everything that determines a classifier training run. Validated on construction: an instance that
 * exists is a spec that can run. Saved with every run (provenance) and in presets.
 */
public record ClassifierSpec(
    @Doc(label = "Model", value = "Which classifier to train.") ClassifierKind kind,
    @Doc(label = "Epochs", value = "Passes over the training images.", min = 1, max = 1000)
        int epochs,
    @Doc(
            label = "Batch size",
            value = "Images per training step; the loss curve gets one point per step.",
            min = 1,
            max = 4096)
        int batchSize,
    @Doc(
            label = "Learning rate",
            value =
                "Step size: Adam's for the CNN, stochastic gradient descent's for logistic"
                    + " regression.",
            min = 1e-7,
            max = 10)
        double learningRate,
    @Doc(
            label = "L2 penalty",
            value = "Weight decay; larger values give simpler models that may underfit.",
            min = 0,
            max = 10)
        double l2,
    @Doc(
            label = "Trees",
            value =
                "Decision trees in the forest; more trees vote more reliably and take longer.",
            min = 1,
            max = 2000)
        int trees,
    @Doc(
            label = "Seed",
            value = "Fixes the initial weights and the order of images: same seed, same run.")
        long seed) {

  public ClassifierSpec {
    SpecValidation.check(
        ClassifierSpec.class, kind, epochs, batchSize, learningRate, l2, trees, seed);
  }

  /** The defaults that work on Fashion-MNIST for each kind. */
  public static ClassifierSpec defaults(ClassifierKind kind) {
    return switch (kind) {
      case LOGISTIC_REGRESSION -> new ClassifierSpec(kind, 10, 50, 0.005, 1e-5, 100, 42);
      case NAIVE_BAYES -> new ClassifierSpec(kind, 1, 100, 1e-3, 0, 100, 42);
      case RANDOM_FOREST -> new ClassifierSpec(kind, 1, 100, 1e-3, 0, 100, 42);
      case MLP -> new ClassifierSpec(kind, 5, 64, 1e-3, 0, 100, 42);
      case CNN -> new ClassifierSpec(kind, 3, 64, 1e-3, 0, 100, 42);
    };
  }

  public ClassifierSpec withEpochs(int e) {
    return new ClassifierSpec(kind, e, batchSize, learningRate, l2, trees, seed);
  }

  public ClassifierSpec withSeed(long s) {
    return new ClassifierSpec(kind, epochs, batchSize, learningRate, l2, trees, s);
  }

  public ClassifierSpec withBatchSize(int b) {
    return new ClassifierSpec(kind, epochs, b, learningRate, l2, trees, seed);
  }

  public ClassifierSpec withTrees(int t) {
    return new ClassifierSpec(kind, epochs, batchSize, learningRate, l2, t, seed);
  }

  public ClassifierSpec withKind(ClassifierKind k) {
    return new ClassifierSpec(k, epochs, batchSize, learningRate, l2, trees, seed);
  }

  public ClassifierSpec withLearningRate(double lr) {
    return new ClassifierSpec(kind, epochs, batchSize, lr, l2, trees, seed);
  }

}
