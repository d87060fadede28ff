package org.duetstudio.core.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ImageClassifier;

/**
 * A trained classifier's view of generated images: how many it assigns to each class, and how sure it is
 * on average. A generator that has learned every class gives a histogram close to the data's; missing
 * classes and mode collapse show as empty or towering bars; rising confidence means the samples look
 * more and more like the classes the classifier knows.
 *
 * @param counts samples per predicted class, index = class
 * @param meanConfidence mean probability of the predicted class, in [0, 1]
 */
public record SampleVerdict(int[] counts, double meanConfidence, List<String> classNames) {
  public SampleVerdict {
    counts = counts.clone();
    classNames = List.copyOf(classNames);
    if (counts.length != classNames.size()) {
      throw new IllegalArgumentException("one count per class");
    }
  }

  @Override
  public int[] counts() {
    return counts.clone();
  }

  public int total() {
    return Arrays.stream(counts).sum();
  }

  /** Classes no sample was assigned to. */
  public List<String> missingClasses() {
    return IntStream.range(0, counts.length)
        .filter(c -> counts[c] == 0)
        .mapToObj(classNames::get)
        .toList();
  }

  /** The classifier's verdict on {@code images} (pixel rows of the classifier's shape). */
  public static SampleVerdict judge(ImageClassifier classifier, List<float[]> images) {
    ImageShape shape = classifier.shape();
    List<String> names = classifier.classNames();
    for (float[] img : images) {
      if (img.length != shape.length()) {
        throw new IllegalArgumentException(
            "the classifier reads " + shape + " images; a sample has " + img.length + " values");
      }
    }
    ImageDataset samples =
        new ImageDataset(
            "generated", shape, images.toArray(float[][]::new), new int[images.size()], names);
    Predictions p =
        Predictions.fromProbabilities(samples.labels(), classifier.predictProbabilities(samples), names);
    int[] counts = new int[names.size()];
    double conf = 0;
    for (int i = 0; i < p.size(); i++) {
      counts[p.predicted(i)]++;
      conf += p.confidence(i);
    }
    return new SampleVerdict(counts, p.size() == 0 ? 0 : conf / p.size(), names);
  }
}
