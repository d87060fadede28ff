package org.duetstudio.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.judge.GuidancePoint;
import org.duetstudio.core.judge.JudgeFindings;

/**
 * The judge's findings in words, written once: the report, the command line's lines and the window's
 * panes say them the same way.
 */
public final class Sentences {
  private Sentences() {}

  /** Every finding in words, one line each, tagged "[judge]" or "[clusters]" (the command line's lines). */
  public static List<String> lines(JudgeFindings f) {
    List<String> l = new ArrayList<>();
    if (f == null) {
      return l;
    }
    Judgement j = f.judgement();
    if (j != null) {
      l.add("[judge] " + verdict(j));
      if (j.frechet() != null) {
        l.add("[judge] " + frechet(j));
      }
      if (j.memorisation() != null) {
        l.add("[judge] " + memorisation(j));
      }
    }
    if (f.fidelity() != null) {
      l.add("[judge] " + fidelity(f.fidelity(), f.settings().fidelityPerClass()));
    }
    if (f.cas() != null) {
      l.add("[judge] " + cas(f.cas()));
    }
    if (f.guidance() != null) {
      l.add("[judge] " + guidance(f.guidance()));
    }
    for (Clusters c : new Clusters[] {f.pixelClusters(), f.codeClusters()}) {
      if (c != null) {
        l.add("[clusters] " + clusters(c));
      }
    }
    return l;
  }

  /** The guidance trade-off in one sentence: fidelity and variety at each guidance. */
  public static String guidance(List<GuidancePoint> points) {
    StringBuilder b = new StringBuilder("Guidance against label fidelity and variety:");
    for (GuidancePoint p : points) {
      b.append(String.format(
          Locale.ROOT, " %s → %.0f%% labelled as asked, variety %.2f;", num(p.guidance()), 100 * p.fidelity(), p.variety()));
    }
    b.setLength(b.length() - 1);
    return b.append(" (variety 1 = as varied as real images of the class).").toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  public static String verdict(Judgement j) {
    int[] counts = j.verdict().counts();
    int seen = 0;
    for (int c : counts) {
      seen += c > 0 ? 1 : 0;
    }
    return String.format(
        Locale.ROOT,
        "On %,d generated images the classifier's mean confidence is %.1f%%; it sees %d of the %d classes.",
        j.samples(),
        100 * j.verdict().meanConfidence(),
        seen,
        counts.length);
  }

  public static String frechet(Judgement j) {
    return String.format(
        Locale.ROOT,
        "Fréchet distance in the classifier's features: %.3f between real and generated images, %.3f"
            + " between two halves of the real ones (the floor sampling alone gives).",
        j.frechet(),
        j.frechetRealHalves());
  }

  public static String memorisation(Judgement j) {
    return String.format(
        Locale.ROOT,
        "Memorisation: generated images lie %.2f from their nearest training image on average; real test"
            + " images lie %.2f (much smaller would mean copying).",
        j.memorisation().samples().meanDistance(),
        j.memorisation().realTestMeanDistance());
  }

  public static String fidelity(LabelFidelity f, int perClass) {
    return String.format(
        Locale.ROOT,
        "Label fidelity %.1f%%: of %d images asked for per class, the share the classifier labels as asked.",
        100 * f.overall(),
        perClass);
  }

  public static String cas(ClassificationAccuracyScore c) {
    return String.format(
        Locale.ROOT,
        "Classification accuracy score: %s trained on %,d generated images reaches %.1f%% on real test"
            + " images, %.1f%% when trained on as many real ones (ratio %.2f).",
        c.spec().kind().displayName(),
        c.trainImages(),
        100 * c.synthetic(),
        100 * c.real(),
        c.ratio());
  }

  public static String clusters(Clusters c) {
    return String.format(
        Locale.ROOT,
        "k-means on %s, one cluster per class: adjusted Rand index %.3f, purity %.1f%%.",
        c.space(),
        c.adjustedRand(),
        100 * c.purity());
  }
}
