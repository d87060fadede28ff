package org.duetstudio.core.model.smile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BaseClassifier;
import org.duetstudio.core.model.BatchTrainer;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;
import smile.util.IntSet;

/**
 * Gaussian naive Bayes, Smile's {@link NaiveBayes} with one {@link GaussianDistribution} per class and
 * pixel: a <em>generative</em> classifier. It models how each class's images look — p(image | class),
 * pixels taken as independent — and classifies by Bayes' rule. Logistic regression models p(class | image)
 * directly; the two are the pair Ng &amp; Jordan (2001) compared.
 *
 * <p>Training has a closed form: class counts, and per class and pixel a mean and a variance. They are
 * accumulated batch by batch, so the engine reports progress (the loss of each batch before it is added:
 * how well the model predicted images it had not yet seen). A pass over the data is all it needs: each
 * epoch starts the counts afresh, so more epochs give the same model. Variances have a floor of {@value
 * #VARIANCE_FLOOR} (pixels in [0, 1]; border pixels are constant within a class).
 */
public final class SmileNaiveBayes extends BaseClassifier implements Persistent {
  static final double VARIANCE_FLOOR = 0.01;
  /** The most images a saved count may claim (counts are exact in a double up to 2^53). */
  static final double MAX_COUNT = 1L << 53;
  /** Rounding a saved sum may carry, per image counted. */
  static final double SLACK = 1e-6;

  private final int k;
  private final int p;
  private final long[] count;
  private final double[][] sum;
  private final double[][] sumSq;
  private NaiveBayes model;

  public SmileNaiveBayes(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    if (classNames.size() < 2) {
      throw new IllegalArgumentException("naive Bayes needs at least two classes");
    }
    this.k = classNames.size();
    this.p = shape.length();
    this.count = new long[k];
    this.sum = new double[k][p];
    this.sumSq = new double[k][p];
    rebuild();
  }

  @Override
  public String name() {
    return "Gaussian naive Bayes";
  }

  @Override
  public float[][] predictProbabilities(ImageDataset images) {
    return SmileRows.probabilities(images, k, model::predict);
  }

  /** The mean image of class {@code c}: what the model thinks a typical member looks like. */
  public float[] meanImage(int c) {
    float[] img = new float[p];
    for (int j = 0; j < p; j++) {
      img[j] = count[c] == 0 ? 0 : (float) (sum[c][j] / count[c]);
    }
    return img;
  }

  /** Smile's model from the counts so far (Laplace-smoothed priors, floored variances). */
  private void rebuild() {
    long n = 0;
    for (long c : count) {
      n += c;
    }
    double[] priori = new double[k];
    Distribution[][] dist = new Distribution[k][p];
    for (int c = 0; c < k; c++) {
      priori[c] = (count[c] + 1.0) / (n + k);
      for (int j = 0; j < p; j++) {
        double mean = count[c] == 0 ? 0.5 : sum[c][j] / count[c];
        double var = count[c] == 0 ? 1 : sumSq[c][j] / count[c] - mean * mean;
        dist[c][j] = new GaussianDistribution(mean, Math.sqrt(Math.max(var, VARIANCE_FLOOR)));
      }
    }
    model = new NaiveBayes(priori, dist, IntSet.of(k));
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    return new BatchTrainer(train.size(), spec.batchSize(), spec.seed()) {
      private final float[] row = new float[p];
      private final double[] x = new double[p];
      private final double[] post = new double[k];
      private int epoch;

      @Override
      protected Step step(int[] batch) {
        int current = currentEpoch();
        if (current != epoch) { // a new pass: the closed form starts over
          epoch = current;
          Arrays.fill(count, 0);
          for (int c = 0; c < k; c++) {
            Arrays.fill(sum[c], 0);
            Arrays.fill(sumSq[c], 0);
          }
          rebuild();
        }
        double nll = 0;
        for (int i : batch) {
          train.copyImage(i, row, 0);
          SmileRows.toDouble(row, x);
          int y = train.label(i);
          model.predict(x, post); // predicted before it is counted: an honest loss
          nll -= Math.log(Math.max(post[y], 1e-12));
          count[y]++;
          for (int j = 0; j < p; j++) {
            sum[y][j] += x[j];
            sumSq[y][j] += x[j] * x[j];
          }
        }
        rebuild();
        return new Step(batch.length, Map.of(Step.LOSS, nll / batch.length));
      }
    };
  }

  @Override
  public ModelState state() {
    Map<String, double[]> arrays = new HashMap<>();
    double[] counts = new double[k];
    for (int c = 0; c < k; c++) {
      counts[c] = count[c];
      arrays.put("sum" + c, sum[c].clone());
      arrays.put("sumSq" + c, sumSq[c].clone());
    }
    arrays.put("count", counts);
    return new ModelState(arrays, Map.of());
  }

  /**
   * Takes saved counts and sums, checked first (a crafted or damaged state is refused with one sentence
   * and the model left as it was): one whole, non-negative count per class, and per class one sum and one
   * sum of squares per pixel. Pixels lie in [0, 1], so a class's sums lie between 0 and its count, and
   * each sum of squares between 0 and the sum.
   */
  @Override
  public void restore(ModelState state) {
    double[] counts = state.array("count");
    if (counts.length != k) {
      throw new IllegalArgumentException(
          "the saved naive Bayes model has " + counts.length + " class counts, the data " + k + " classes");
    }
    double[][] sums = new double[k][];
    double[][] squares = new double[k][];
    for (int c = 0; c < k; c++) {
      double n = counts[c];
      if (!(n >= 0 && n <= MAX_COUNT && n == Math.rint(n))) {
        throw new IllegalArgumentException(
            "the saved naive Bayes model's count of class " + c + " (" + n + ") is not a whole number of images");
      }
      sums[c] = pixels(state, "sum" + c);
      squares[c] = pixels(state, "sumSq" + c);
      double slack = SLACK * (n + 1);
      for (int j = 0; j < p; j++) {
        double s1 = sums[c][j];
        double s2 = squares[c][j];
        if (!(s1 >= 0 && s1 <= n + slack && s2 >= 0 && s2 <= s1 + slack)) {
          throw new IllegalArgumentException(
              "the saved naive Bayes model's sums for class " + c + ", pixel " + j
                  + " are impossible for pixels in [0, 1]");
        }
      }
    }
    for (int c = 0; c < k; c++) {
      count[c] = (long) counts[c];
      System.arraycopy(sums[c], 0, sum[c], 0, p);
      System.arraycopy(squares[c], 0, sumSq[c], 0, p);
    }
    rebuild();
  }

  /** A saved per-pixel array, one value per pixel. */
  private double[] pixels(ModelState state, String name) {
    double[] a = state.array(name);
    if (a.length != p) {
      throw new IllegalArgumentException(
          "the saved naive Bayes model's '" + name + "' has " + a.length + " values, the images " + p + " pixels");
    }
    return a;
  }
}
