package org.duetstudio.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;

/**
 * Walks through a generator's latent space and lets the classifier label what it finds: a decision map
 * (a grid over a latent plane, each cell the decoded image and the classifier's answer) and an
 * interpolation from one class to another.
 */
public final class LatentPaths {
  private LatentPaths() {}

  /**
   * Images decoded along a path or over a grid, each with the classifier's label.
   *
   * @param predicted the classifier's class for each image
   * @param confidence its probability for that class
   * @param how one sentence on how the points were chosen
   */
  public record Labelled(
      List<float[]> images, int[] predicted, float[] confidence, List<String> classNames, String how) {
    public Labelled {
      List<float[]> c = new ArrayList<>();
      for (float[] img : images) {
        c.add(img.clone());
      }
      images = List.copyOf(c);
      predicted = predicted.clone();
      confidence = confidence.clone();
      classNames = List.copyOf(classNames);
    }

    @Override
    public int[] predicted() {
      return predicted.clone();
    }

    @Override
    public float[] confidence() {
      return confidence.clone();
    }

    public int size() {
      return images.size();
    }
  }

  /**
   * A {@code side × side} grid over the plane of latent dimensions 0 and 1 (the others 0), from −extent to
   * +extent, row by row from the top (largest second coordinate). A conditional generator draws every
   * cell as class {@code conditionClass}.
   */
  public static Labelled decisionMap(
      ImageClassifier classifier, ImageGenerator generator, int side, double extent, int conditionClass) {
    if (generator.latentDim() < 2) {
      throw new IllegalArgumentException("a decision map needs a latent space of at least 2 dimensions");
    }
    float[][] z = new float[side * side][generator.latentDim()];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        z[r * side + c][0] = (float) (-extent + 2 * extent * c / (side - 1));
        z[r * side + c][1] = (float) (extent - 2 * extent * r / (side - 1));
      }
    }
    String how =
        String.format(
            Locale.ROOT,
            "latent dimensions 1 and 2 from −%.1f to %.1f%s",
            extent,
            extent,
            generator.latentDim() > 2 ? ", the other dimensions 0" : "");
    float[][] images;
    if (generator instanceof ConditionalGenerator cg) {
      int[] labels = new int[z.length];
      Arrays.fill(labels, conditionClass);
      images = cg.decode(z, labels);
      how += ", every cell asked for " + cg.classNames().get(conditionClass);
    } else {
      images = generator.decode(z);
    }
    return label(classifier, images, how);
  }

  /**
   * {@code steps} images from class {@code from} to class {@code to}. A conditional generator keeps one
   * noise point and blends the requested class; a VAE walks from the mean latent code of {@code real}
   * images of one class to the other's; a GAN walks between the prior points whose images the classifier
   * finds most typical of each class.
   */
  public static Labelled interpolate(
      ImageClassifier classifier,
      ImageGenerator generator,
      int from,
      int to,
      int steps,
      ImageDataset real,
      long seed) {
    if (steps < 2) {
      throw new IllegalArgumentException("an interpolation needs at least 2 steps");
    }
    List<String> names = classifier.classNames();
    if (generator instanceof ConditionalGenerator cg) {
      float[] z = cg.samplePrior(1, seed)[0];
      float[][] zs = new float[steps][];
      float[][] w = new float[steps][names.size()];
      for (int i = 0; i < steps; i++) {
        float t = i / (float) (steps - 1);
        zs[i] = z;
        w[i][from] += 1 - t;
        w[i][to] += t;
      }
      return label(
          classifier,
          cg.decode(zs, w),
          "one noise point; the requested class blends from " + names.get(from) + " to " + names.get(to));
    }
    float[] a;
    float[] b;
    String how;
    if (generator instanceof Autoencoder ae) {
      a = meanCode(ae, real, from);
      b = meanCode(ae, real, to);
      how = "from the mean latent code of real " + names.get(from) + " images to that of " + names.get(to);
    } else {
      float[][] z = generator.samplePrior(256, seed);
      float[][] p = classifier.predictProbabilities(dataset(generator.decode(z), generator.shape(), names));
      a = z[mostTypical(p, from)];
      b = z[mostTypical(p, to)];
      how =
          "between the two of 256 noise points whose images the classifier finds most like "
              + names.get(from)
              + " and most like "
              + names.get(to);
    }
    float[][] zs = new float[steps][a.length];
    for (int i = 0; i < steps; i++) {
      float t = i / (float) (steps - 1);
      for (int j = 0; j < a.length; j++) {
        zs[i][j] = (1 - t) * a[j] + t * b[j];
      }
    }
    return label(classifier, generator.decode(zs), how);
  }

  private static float[] meanCode(Autoencoder ae, ImageDataset real, int cls) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < real.size() && idx.size() < 200; i++) {
      if (real.label(i) == cls) {
        idx.add(i);
      }
    }
    if (idx.isEmpty()) {
      throw new IllegalArgumentException("no real image of class " + real.classNames().get(cls));
    }
    float[][] codes = ae.encode(real.subset(idx.stream().mapToInt(Integer::intValue).toArray(), "class"));
    float[] mean = new float[ae.latentDim()];
    for (float[] c : codes) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += c[j] / codes.length;
      }
    }
    return mean;
  }

  private static int mostTypical(float[][] p, int cls) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i][cls] > p[best][cls]) {
        best = i;
      }
    }
    return best;
  }

  private static ImageDataset dataset(float[][] images, ImageShape shape, List<String> names) {
    return new ImageDataset("generated", shape, images, new int[images.length], names);
  }

  private static Labelled label(ImageClassifier classifier, float[][] images, String how) {
    List<String> names = classifier.classNames();
    float[][] p = classifier.predictProbabilities(dataset(images, classifier.shape(), names));
    int[] predicted = new int[images.length];
    float[] conf = new float[images.length];
    for (int i = 0; i < p.length; i++) {
      predicted[i] = LabelFidelity.argmax(p[i]);
      conf[i] = p[i][predicted[i]];
    }
    return new Labelled(Arrays.asList(images), predicted, conf, names, how);
  }
}
