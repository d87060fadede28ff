package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.LoadOptions;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.report.PromptFigure;
import org.duetstudio.core.report.RunFiles;
import org.duetstudio.core.report.Sentences;
import org.duetstudio.core.studio.PairTraining;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.TrainingEngine;

/**
 * The command line's side of the core pipeline: loads the data, trains what a plan starts ({@link
 * PairTraining} into a {@link RunFolder}), judges the pair, writes the folder's final files and prints
 * each step.
 */
final class RunPipeline {
  private final PrintStream out;

  RunPipeline(PrintStream out) {
    this.out = out;
  }

  PrintStream out() {
    return out;
  }

  /** The data, at most {@code trainLimit} and {@code testLimit} images of it (0: all). */
  TrainTestData load(String spec, LoadOptions options, int trainLimit, int testLimit)
      throws DatasetException {
    DatasetSource source = new DatasetLocator().resolve(spec, options);
    out.println("loading " + source.name() + " from " + source.path());
    DatasetSource.Loaded loaded = source.load();
    if (loaded.report().hasNotes()) {
      out.println(loaded.report().summary());
    }
    TrainTestData data = loaded.data().limit(trainLimit, testLimit);
    out.printf(
        Locale.ROOT,
        "%,d training and %,d test images, %s, %d classes%n",
        data.train().size(),
        data.test().size(),
        data.shape(),
        data.numClasses());
    return data;
  }

  /** What to start on the pair's training. */
  @FunctionalInterface
  interface Plan {
    void on(PairTraining t) throws IOException;
  }

  /**
   * Trains what {@code plan} starts, judges the pair, writes the folder's final files and — with a
   * {@code prompt} — what the generator draws for it ({@code prompt.png}).
   */
  int train(TrainTestData data, Path dir, int casImages, String prompt, Plan plan) throws IOException {
    String backend = Nd4jRuntime.ensureLoaded();
    RunPair pair;
    try (TrainingEngine engine = new TrainingEngine()) {
      PairTraining t =
          new PairTraining(
              engine, data, new RunFolder(dir), backend, (role, kind) -> new ConsoleProgress(kind, out));
      plan.on(t);
      pair = t.await();
    }
    var settings = pair.judgeSettings();
    if (casImages > 0) {
      settings = settings.withCasImages(casImages);
    }
    if (pair.judgeable()) {
      out.println("judging the generator through the classifier…");
    }
    pair = pair.judged(settings, true, Fit.Monitor.NONE);
    Sentences.lines(pair.findings()).forEach(out::println);
    RunFiles.write(dir, pair);
    if (prompt != null && pair.generator() != null && pair.generator().completed()) {
      PromptFigure.Drawn d = PromptFigure.write(dir, pair.generator().model(), prompt, pair.generator().seed());
      out.printf(
          Locale.ROOT, "[prompt] \"%s\": %d × %s → %s%n", prompt, d.prompt().count(), d.prompt().className(),
          PromptFigure.FILE);
    }
    out.println("results written to " + dir.toAbsolutePath() + " (report.html: everything on one page)");
    boolean ok =
        (pair.classifier() == null || pair.classifier().completed())
            && (pair.generator() == null || pair.generator().completed());
    return ok ? 0 : 1;
  }
}
