package org.duetstudio.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.FeatureExtractor;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;

/**
 * A trained classifier's judgement of a trained generator: its verdict on {@code samples} new images, and
 * — for classifiers with features — the Fréchet distance between real test images and generated ones in
 * those features, beside the distance between two halves of the real images (the floor that sample noise
 * alone gives). Both models must have finished training.
 *
 * @param frechet null when the classifier has no feature layer
 * @param frechetRealHalves null likewise
 */
public record Judgement(
    SampleVerdict verdict,
    Double frechet,
    Double frechetRealHalves,
    int samples,
    int realImages,
    Memorisation memorisation) {

  /** Samples to look up in the training set for the memorisation check. */
  public static final int MEMORISATION_SAMPLES = 64;

  /**
   * For the first {@value #MEMORISATION_SAMPLES} samples, their nearest training images; and as a
   * reference, the mean distance from as many real test images to their nearest training image.
   */
  public record Memorisation(NearestNeighbours samples, double realTestMeanDistance) {}

  /**
   * Judges {@code generator} through {@code classifier}, with {@code n} samples drawn from {@code seed};
   * {@code train} is searched for the memorisation check (null skips it).
   */
  public static Judgement of(
      ImageClassifier classifier,
      ImageGenerator generator,
      ImageDataset realTest,
      ImageDataset train,
      int n,
      long seed) {
    return of(classifier, generator, Arrays.asList(generator.sample(n, seed)), realTest, train);
  }

  /** The same, on samples already drawn. */
  public static Judgement of(
      ImageClassifier classifier,
      ImageGenerator generator,
      List<float[]> samples,
      ImageDataset realTest,
      ImageDataset train) {
    int n = samples.size();
    SampleVerdict verdict = SampleVerdict.judge(classifier, samples);
    Memorisation memo = null;
    if (train != null) {
      int m = Math.min(MEMORISATION_SAMPLES, Math.min(n, realTest.size()));
      List<float[]> real = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        real.add(realTest.image(i));
      }
      memo =
          new Memorisation(
              NearestNeighbours.find(samples.subList(0, m), train),
              NearestNeighbours.find(real, train).meanDistance());
    }
    if (!(classifier instanceof FeatureExtractor fx) || realTest.size() < 4) {
      return new Judgement(verdict, null, null, n, realTest.size(), memo);
    }
    ImageDataset generated =
        new ImageDataset(
            "generated",
            generator.shape(),
            samples.toArray(float[][]::new),
            new int[n],
            classifier.classNames());
    float[][] real = fx.features(realTest);
    float[][] fake = fx.features(generated);
    double d = FrechetDistance.between(real, fake);
    List<float[]> even = new ArrayList<>();
    List<float[]> odd = new ArrayList<>();
    for (int i = 0; i < real.length; i++) {
      (i % 2 == 0 ? even : odd).add(real[i]);
    }
    double floor =
        FrechetDistance.between(even.toArray(float[][]::new), odd.toArray(float[][]::new));
    return new Judgement(verdict, d, floor, n, realTest.size(), memo);
  }
}
