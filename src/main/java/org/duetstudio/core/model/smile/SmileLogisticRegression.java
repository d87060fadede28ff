package org.duetstudio.core.model.smile;

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
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * Multinomial logistic regression on raw pixels, Smile's {@link LogisticRegression.Multinomial}, trained
 * online with Smile's own stochastic-gradient {@code update} so that the engine sees every step (Smile's
 * batch L-BFGS fit cannot report progress or be cancelled half-way).
 *
 * <p>The model is linear: one weight per pixel and class. It learns which pixels speak for which class,
 * and nothing about shapes; that is why it tops out around 84% on Fashion-MNIST.
 */
public final class SmileLogisticRegression extends BaseClassifier implements Persistent {
  private final LogisticRegression.Multinomial model;

  public SmileLogisticRegression(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    if (classNames.size() < 2) {
      throw new IllegalArgumentException("logistic regression needs at least two classes");
    }
    // Smile's multinomial form: k-1 weight rows of p+1 (the last class is the reference); zeros to start
    double[][] w = new double[classNames.size() - 1][shape.length() + 1];
    this.model = new LogisticRegression.Multinomial(w, 0, spec.l2(), IntSet.of(classNames.size()));
    this.model.setLearningRate(spec.learningRate());
  }

  @Override
  public String name() {
    return "Logistic regression";
  }



  @Override
  public float[][] predictProbabilities(ImageDataset images) {
    return SmileRows.probabilities(images, classNames.size(), model::predict);
  }

  /** The weights of class {@code c} as an image (the reference class has none): what it looks for. */
  public float[] weightImage(int c) {
    float[] img = new float[shape.length()];
    if (c < classNames.size() - 1) {
      double[] w = model.coefficients()[c];
      for (int j = 0; j < img.length; j++) {
        img[j] = (float) w[j];
      }
    }
    return img;
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    int k = classNames.size();
    return new BatchTrainer(train.size(), spec.batchSize(), spec.seed()) {
      private final double[] x = new double[shape.length()];
      private final double[] post = new double[k];
      private final float[] row = new float[shape.length()];

      @Override
      protected Step step(int[] batch) {
        double nll = 0;
        for (int i : batch) {
          train.copyImage(i, row, 0);
          SmileRows.toDouble(row, x);
          int y = train.label(i);
          model.predict(x, post); // loss before the update: the usual online training loss
          nll -= Math.log(Math.max(post[y], 1e-12));
          model.update(x, y);
        }
        return new Step(batch.length, Map.of(Step.LOSS, nll / batch.length));
      }
    };
  }


  @Override
  public ModelState state() {
    Map<String, double[]> arrays = new HashMap<>();
    double[][] w = model.coefficients();
    for (int c = 0; c < w.length; c++) {
      arrays.put("w" + c, w[c].clone());
    }
    return new ModelState(arrays, Map.of());
  }

  @Override
  public void restore(ModelState state) {
    double[][] w = model.coefficients(); // Smile's own arrays: written in place
    for (int c = 0; c < w.length; c++) {
      double[] saved = state.array("w" + c);
      if (saved.length != w[c].length) {
        throw new IllegalArgumentException("the saved weights are for another image size");
      }
      System.arraycopy(saved, 0, w[c], 0, saved.length);
    }
  }
}
