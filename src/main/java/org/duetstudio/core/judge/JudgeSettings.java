package org.duetstudio.core.judge;

import java.util.List;

/**
 * Every number the judge uses, written once: the window, {@code train} and the reports take them from
 * here, so the same trained models give the same findings everywhere.
 *
 * @param seed the generator run's seed: samples, label fidelity, CAS, the GAN's path and k-means draw
 *     from it
 * @param samples generated images the verdict, the Fréchet distance and the memorisation check look at
 * @param realImages real test images (at most) they are compared with
 * @param fidelityPerClass images asked for per class for the label fidelity
 * @param casImages generated (and as many real) images the CAS classifier trains on, at most
 * @param mapSide cells per side of the latent decision map
 * @param mapExtent the map spans −extent … +extent on latent dimensions 1 and 2
 * @param mapClass the class a conditional generator's map asks for
 * @param pathFrom the interpolation's first class
 * @param pathTo its last class
 * @param pathSteps its images
 * @param clusterImages test images k-means groups
 * @param memorisationPairs sample/nearest-training-image pairs shown
 * @param guidances the guidance values a diffusion model's trade-off is measured at
 * @param guidancePerClass images per class drawn at each of them
 */
public record JudgeSettings(
    long seed,
    int samples,
    int realImages,
    int fidelityPerClass,
    int casImages,
    int mapSide,
    double mapExtent,
    int mapClass,
    int pathFrom,
    int pathTo,
    int pathSteps,
    int clusterImages,
    int memorisationPairs,
    List<Double> guidances,
    int guidancePerClass) {

  public static final int SAMPLES = 1000;
  public static final int REAL_IMAGES = 2000;
  public static final int FIDELITY_PER_CLASS = 100;
  public static final int CAS_IMAGES = 5000;
  public static final int MAP_SIDE = 15;
  public static final double MAP_EXTENT = 2.5;
  public static final int PATH_STEPS = 10;
  public static final int CLUSTER_IMAGES = 2000;
  public static final int MEMORISATION_PAIRS = 16;
  public static final List<Double> GUIDANCES = List.of(0.0, 1.0, 2.0, 4.0, 8.0);
  public static final int GUIDANCE_PER_CLASS = 20;

  public JudgeSettings {
    guidances = List.copyOf(guidances);
    if (samples < 4 || realImages < 4 || fidelityPerClass < 1 || casImages < 10 || mapSide < 2
        || pathSteps < 2 || clusterImages < 2 || memorisationPairs < 0 || guidancePerClass < 2) {
      throw new IllegalArgumentException("judge settings out of range");
    }
  }

  /** The defaults for a data set of {@code classNames}, with the generator run's {@code seed}. */
  public static JudgeSettings defaults(long seed, List<String> classNames) {
    int k = classNames.size();
    return new JudgeSettings(
        seed,
        SAMPLES,
        REAL_IMAGES,
        FIDELITY_PER_CLASS,
        CAS_IMAGES,
        MAP_SIDE,
        MAP_EXTENT,
        defaultMapClass(k),
        0,
        Math.min(9, k - 1),
        PATH_STEPS,
        CLUSTER_IMAGES,
        MEMORISATION_PAIRS,
        GUIDANCES,
        GUIDANCE_PER_CLASS);
  }

  /** The class a conditional map shows first: the eighth (Sneaker in Fashion-MNIST), else the first. */
  public static int defaultMapClass(int classes) {
    return classes > 7 ? 7 : 0;
  }

  /** The same settings with the map asking for {@code c}. */
  public JudgeSettings withMapClass(int c) {
    return new JudgeSettings(
        seed, samples, realImages, fidelityPerClass, casImages, mapSide, mapExtent, c, pathFrom, pathTo,
        pathSteps, clusterImages, memorisationPairs, guidances, guidancePerClass);
  }

  /** The same settings with the path from class {@code from} to class {@code to}. */
  public JudgeSettings withPath(int from, int to) {
    return new JudgeSettings(
        seed, samples, realImages, fidelityPerClass, casImages, mapSide, mapExtent, mapClass, from, to,
        pathSteps, clusterImages, memorisationPairs, guidances, guidancePerClass);
  }

  /** The same settings with CAS on {@code n} images. */
  public JudgeSettings withCasImages(int n) {
    return new JudgeSettings(
        seed, samples, realImages, fidelityPerClass, n, mapSide, mapExtent, mapClass, pathFrom, pathTo,
        pathSteps, clusterImages, memorisationPairs, guidances, guidancePerClass);
  }

  /** Images CAS trains on with {@code trainImages} real ones available. */
  public int casImagesFor(int trainImages) {
    return Math.min(casImages, trainImages);
  }
}
