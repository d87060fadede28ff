package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.Fit;

/**
 * Generative vs discriminative classifiers (Ng &amp; Jordan, NIPS 2001): learning curves of Gaussian naive
 * Bayes, which models p(image | class), and logistic regression, which models p(class | image), against
 * the number of training images (small sets averaged over several random draws). The paper found the
 * generative model better with few examples — it reaches its (higher) asymptotic error sooner — and the discriminative one better with many.
 */
public final class GenerativeVsDiscriminative {
  static final List<String> SERIES = List.of("naive Bayes", "logistic regression");

  private GenerativeVsDiscriminative() {}

  public static ExperimentResult run(
      TrainTestData data, int[] sizes, long seed, ExperimentMonitor monitor) {
    long t0 = System.nanoTime();
    List<Integer> ns = new ArrayList<>();
    for (int n : sizes) {
      int capped = Math.min(n, data.train().size());
      if (capped >= data.numClasses() && !ns.contains(capped)) {
        ns.add(capped);
      }
    }
    List<ExperimentResult.Row> rows = new ArrayList<>();
    for (int p = 0; p < ns.size(); p++) {
      int n = ns.get(p);
      monitor.point(p, ns.size(), String.format(Locale.ROOT, "%,d training images", n));
      // small sets vary a lot with the images drawn: average over several draws
      int repeats = repeats(n);
      double share = 1.0 / ns.size() / repeats;
      double nbAcc = 0;
      double lrAcc = 0;
      for (int rep = 0; rep < repeats; rep++) {
        ImageDataset train = Experiments.balanced(data.train(), n, seed + n + 1000L * rep);
        double from = (p * repeats + rep) * share;
        ClassifierSpec nb = ClassifierSpec.defaults(ClassifierKind.NAIVE_BAYES).withSeed(seed);
        nbAcc +=
            Experiments.accuracy(
                    Fit.classifier(nb, train, Experiments.part(monitor, from, 0.1 * share)), data.test())
                / repeats;
        ClassifierSpec lr =
            Experiments.enoughSteps(
                ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withSeed(seed), n, 300);
        lrAcc +=
            Experiments.accuracy(
                    Fit.classifier(lr, train, Experiments.part(monitor, from + 0.1 * share, 0.9 * share)),
                    data.test())
                / repeats;
      }
      rows.add(new ExperimentResult.Row(n, String.format(Locale.ROOT, "%,d", n), new double[] {nbAcc, lrAcc}));
      monitor.measured(SERIES, List.copyOf(rows));
    }
    monitor.progress(1);
    return new ExperimentResult(
        Experiment.GEN_VS_DISC.title(),
        Experiment.GEN_VS_DISC.xLabel(),
        SERIES,
        rows,
        conclusion(rows),
        (System.nanoTime() - t0) / 1e9);
  }

  /** Draws averaged at a training-set size: 5 up to 200 images, 3 up to 1,000, then 1. */
  static int repeats(int n) {
    return n <= 200 ? 5 : n <= 1000 ? 3 : 1;
  }

  /** Where logistic regression overtakes naive Bayes, if it does. */
  static String conclusion(List<ExperimentResult.Row> rows) {
    Double cross = null;
    boolean nbAhead = false;
    for (ExperimentResult.Row r : rows) {
      double[] a = r.accuracy();
      if (a[0] > a[1]) {
        nbAhead = true;
      } else if (nbAhead && cross == null) {
        cross = r.x();
      }
    }
    ExperimentResult.Row last = rows.get(rows.size() - 1);
    String end =
        String.format(
            Locale.ROOT,
            " With %s images: naive Bayes %.1f%%, logistic regression %.1f%%.",
            last.label(),
            100 * last.accuracy()[0],
            100 * last.accuracy()[1]);
    if (cross != null) {
      return String.format(
              Locale.ROOT,
              "Naive Bayes (generative) leads with few images; logistic regression (discriminative)"
                  + " overtakes it at about %,d training images, as Ng & Jordan found.",
              (long) (double) cross)
          + end;
    }
    if (!nbAhead) {
      return "Logistic regression is ahead at every size measured here: on these images the"
          + " discriminative model wins even with few examples." + end;
    }
    return "Naive Bayes stays ahead at every size measured here; more images would be needed to see"
        + " logistic regression overtake it." + end;
  }
}
