package org.duetstudio.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.ConfusionMatrix;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.judge.GuidancePoint;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.HtmlReport;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.LibraryVersions;
import org.duetstudio.core.studio.ClassifierRun;
import org.duetstudio.core.studio.FinishedRun;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.training.TrainingEvent;

/**
 * The one report of a pair's run: the window's <b>Report…</b> and the {@code report.html} of {@code train}
 * are this page, built from the same {@link RunPair}. Settings with seeds, the data's fingerprints, each
 * side's curve as a table, the classifier's numbers and answers, the generator's pictures, and what the
 * judge found, in sentences. It holds no times: the same run gives the same bytes.
 */
public final class RunReport {
  public static final String TITLE = "Duet Studio — run report";

  private RunReport() {}

  /** Writes the page to {@code file}, atomically. */
  public static void write(RunPair pair, Path file) throws IOException {
    AtomicFiles.writeString(file, render(pair));
  }

  /** The page as text. */
  public static String render(RunPair pair) {
    HtmlReport r = new HtmlReport(TITLE);
    TrainTestData d = pair.data();
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Data: %s — %,d training and %,d test images, %s, %d classes. Fingerprints: training %s…,"
                + " test %s….",
            d.source(),
            d.train().size(),
            d.test().size(),
            d.shape(),
            d.numClasses(),
            d.train().fingerprint().substring(0, 16),
            d.test().fingerprint().substring(0, 16)));
    settings(r, pair);
    List<RunFigures.Figure> figures = RunFigures.of(pair);
    if (pair.classifier() != null) {
      classifier(r, pair.classifier());
      figure(r, figures, "predictions.png");
    }
    if (pair.generator() != null) {
      r.heading("Generator — " + pair.generator().model().name());
      curve(r, pair.generator());
      figure(r, figures, "samples.png");
      figure(r, figures, "reconstructions.png");
    }
    if (pair.findings() != null) {
      judge(r, pair.findings());
      figure(r, figures, "memorisation.png");
      figure(r, figures, "decision-map.png");
      figure(r, figures, "interpolation.png");
      figure(r, figures, "denoising.png");
      clusters(r, pair.findings());
    }
    r.heading("Software");
    List<List<String>> rows = new ArrayList<>();
    new TreeMap<>(LibraryVersions.detect()).forEach((k, v) -> rows.add(List.of(k, v)));
    r.table(List.of("library", "version"), rows);
    return r.render();
  }

  private static void settings(HtmlReport r, RunPair pair) {
    List<List<String>> rows = new ArrayList<>();
    for (FinishedRun run : sides(pair)) {
      rows.add(List.of(run.role().id(), Json.compact(run.spec())));
    }
    r.heading("Settings").table(List.of("side", "spec (seed included)"), rows);
  }

  private static List<FinishedRun> sides(RunPair pair) {
    List<FinishedRun> l = new ArrayList<>();
    if (pair.classifier() != null) {
      l.add(pair.classifier());
    }
    if (pair.generator() != null) {
      l.add(pair.generator());
    }
    return l;
  }

  private static void classifier(HtmlReport r, ClassifierRun run) {
    r.heading("Classifier — " + run.model().name());
    curve(r, run);
    Predictions p = run.lastPredictions();
    if (p == null) {
      r.paragraph("It finished no epoch, so it has no test predictions.");
      return;
    }
    ConfusionMatrix cm = p.confusionMatrix();
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Test accuracy %.2f%% on %,d images (macro F1 %.3f); chance would be %.1f%%.",
            100 * p.accuracy(),
            p.size(),
            cm.macroF1(),
            100.0 / cm.numClasses()));
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < cm.numClasses(); c++) {
      rows.add(
          List.of(
              cm.classNames().get(c),
              Integer.toString(cm.support(c)),
              pct(cm.precision(c)),
              pct(cm.recall(c)),
              String.format(Locale.ROOT, "%.3f", cm.f1(c))));
    }
    r.table(List.of("class", "test images", "precision", "recall", "F1"), rows);
    r.preformatted(cm.toTable());
  }

  /** The run's outcome and one row per epoch. */
  private static void curve(HtmlReport r, FinishedRun run) {
    String outcome = run.summary().get("outcome").toString();
    List<TrainingEvent.EpochDone> epochs = new ArrayList<>();
    for (TrainingEvent e : run.events()) {
      if (e instanceof TrainingEvent.EpochDone ep) {
        epochs.add(ep);
      }
    }
    r.paragraph(String.format(Locale.ROOT, "%s after %d epoch%s.", capitalised(outcome), epochs.size(), epochs.size() == 1 ? "" : "s"));
    if (epochs.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(new TreeMap<>(epochs.get(0).metrics()).keySet());
    List<String> header = new ArrayList<>(List.of("epoch", "images seen"));
    names.forEach(n -> header.add(n.replace('_', ' ')));
    List<List<String>> rows = new ArrayList<>();
    for (TrainingEvent.EpochDone e : epochs) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(e.epoch()), String.format(Locale.ROOT, "%,d", e.imagesSeen())));
      for (String n : names) {
        double v = e.metrics().getOrDefault(n, Double.NaN);
        row.add(n.endsWith("accuracy") ? pct(v) : String.format(Locale.ROOT, "%.4g", v));
      }
      rows.add(row);
    }
    r.table(header, rows);
  }

  private static void judge(HtmlReport r, JudgeFindings f) {
    r.heading("The judge");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Settings: %,d samples drawn with seed %d, compared with up to %,d real test images; %d images"
                + " per class for label fidelity; CAS on up to %,d images.",
            f.settings().samples(),
            f.settings().seed(),
            f.settings().realImages(),
            f.settings().fidelityPerClass(),
            f.settings().casImages()));
    Judgement j = f.judgement();
    if (j != null) {
      r.paragraph(Sentences.verdict(j));
      List<List<String>> rows = new ArrayList<>();
      int[] counts = j.verdict().counts();
      for (int c = 0; c < counts.length; c++) {
        rows.add(List.of(j.verdict().classNames().get(c), Integer.toString(counts[c])));
      }
      r.table(List.of("the classifier sees", "samples"), rows);
      if (j.frechet() != null) {
        r.paragraph(Sentences.frechet(j));
      }
      if (j.memorisation() != null) {
        r.paragraph(Sentences.memorisation(j));
      }
    }
    LabelFidelity fid = f.fidelity();
    if (fid != null) {
      r.paragraph(Sentences.fidelity(fid, f.settings().fidelityPerClass()));
      List<List<String>> rows = new ArrayList<>();
      for (int c = 0; c < fid.classNames().size(); c++) {
        rows.add(List.of(fid.classNames().get(c), pct(fid.of(c))));
      }
      r.table(List.of("asked for", "labelled as asked"), rows);
    }
    ClassificationAccuracyScore cas = f.cas();
    if (cas != null) {
      r.paragraph(Sentences.cas(cas));
    }
    if (f.guidance() != null) {
      r.paragraph(
          "Guidance against label fidelity and variety: the same noise drawn at each guidance, "
              + f.settings().guidancePerClass() + " images per class.");
      List<List<String>> rows = new ArrayList<>();
      for (GuidancePoint p : f.guidance()) {
        rows.add(List.of(String.format(Locale.ROOT, "%.1f", p.guidance()), pct(p.fidelity()),
            String.format(Locale.ROOT, "%.2f", p.variety())));
      }
      r.table(List.of("guidance", "labelled as asked", "variety (1 = as real)"), rows);
    }
  }

  private static void clusters(HtmlReport r, JudgeFindings f) {
    for (Clusters c : new Clusters[] {f.pixelClusters(), f.codeClusters()}) {
      if (c != null) {
        r.paragraph(Sentences.clusters(c));
      }
    }
  }

  private static void figure(HtmlReport r, List<RunFigures.Figure> figures, String file) {
    for (RunFigures.Figure f : figures) {
      if (f.file().equals(file)) {
        r.figure(f.png(), f.caption());
      }
    }
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
