package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.training.Fit;

/** What the experiments share: balanced subsets, fitting with progress, test accuracy. */
final class Experiments {
  private Experiments() {}

  /**
   * {@code n} images of {@code data}, as equal a number per class as there are, chosen at random
   * (seeded).
   */
  static ImageDataset balanced(ImageDataset data, int n, long seed) {
    return data.subset(balancedIndices(data, n, seed), data.name() + "-" + n);
  }

  /** The indices {@link #balanced} picks. */
  static int[] balancedIndices(ImageDataset data, int n, long seed) {
    int k = data.numClasses();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < data.size(); i++) {
      byClass.get(data.label(i)).add(i);
    }
    Random r = new Random(seed);
    for (List<Integer> l : byClass) {
      Collections.shuffle(l, r);
    }
    List<Integer> picked = new ArrayList<>();
    for (int round = 0; picked.size() < Math.min(n, data.size()); round++) {
      for (int c = 0; c < k && picked.size() < n; c++) {
        if (round < byClass.get(c).size()) {
          picked.add(byClass.get(c).get(round));
        }
      }
    }
    Collections.shuffle(picked, r);
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The accuracy on {@code test} of a classifier trained for this measurement alone; it is closed after. */
  static double accuracy(ImageClassifier model, ImageDataset test) {
    try (model) {
      return Predictions.fromProbabilities(test.labels(), model.predictProbabilities(test), test.classNames())
          .accuracy();
    }
  }

  /**
   * A gradient-trained spec given enough steps for a small set: at least {@code minSteps} updates (and the
   * spec's own epochs at least), at most 300 epochs.
   */
  static ClassifierSpec enoughSteps(ClassifierSpec spec, int trainImages, int minSteps) {
    if (!spec.kind().settings().contains("epochs")) {
      return spec;
    }
    int stepsPerEpoch = Math.max(1, (trainImages + spec.batchSize() - 1) / spec.batchSize());
    int epochs = Math.max(spec.epochs(), Math.min(1000, (minSteps + stepsPerEpoch - 1) / stepsPerEpoch));
    return spec.withEpochs(epochs);
  }

  /** A monitor for one part of the work: fractions map into [from, from + width]. */
  static Fit.Monitor part(ExperimentMonitor m, double from, double width) {
    return new Fit.Monitor() {
      @Override
      public void progress(double fraction) {
        m.progress(from + width * fraction);
      }

      @Override
      public boolean cancelled() {
        return m.cancelled();
      }
    };
  }

  /**
   * A monitor for the work after {@code skipped} points that took the progress bar up to {@code from}:
   * point indices and totals shift by {@code skipped}, fractions map into [from, 1].
   */
  static ExperimentMonitor after(ExperimentMonitor m, int skipped, double from) {
    return new ExperimentMonitor() {
      @Override
      public void point(int index, int total, String what) {
        m.point(index + skipped, total + skipped, what);
      }

      @Override
      public void measured(List<String> series, List<ExperimentResult.Row> rowsSoFar) {
        m.measured(series, rowsSoFar);
      }

      @Override
      public void progress(double fraction) {
        m.progress(from + (1 - from) * fraction);
      }

      @Override
      public boolean cancelled() {
        return m.cancelled();
      }
    };
  }
}
