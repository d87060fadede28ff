package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.ExperimentMonitor;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.FewLabels;
import org.duetstudio.core.experiment.GenerativeVsDiscriminative;
import org.duetstudio.core.experiment.SyntheticData;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.HtmlReport;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.store.Json;

/** {@code experiment}: runs one of the studio's experiments without a window and writes its table. */
final class ExperimentCommand {
  static final String HELP =
      """
      duet experiment NAME [--data DATA] [options] [--out DIR]

        gen-vs-disc   naive Bayes vs logistic regression against training-set size (Ng & Jordan)
                      --sizes 20,50,100,...   training-set sizes (default 20 … 12,000)
        few-labels    a classifier on raw pixels vs on a VAE's latent codes, with 10, 100, 1000 labels
                      --labels 10,100,1000    --classifier KIND (default logreg)
                      --generator-epochs N    VAE epochs (default 10)   --latent N (default 16)
        synthetic     N real images plus generated ones (a class-conditional generator trained first),
                      beside plain augmentation and "synthetic only"
                      --real N (default 1,000)   --classifier KIND (default mlp)
                      --generator KIND (default gan)   --generator-epochs N (default 10)

        --seed N      (default 42)        --out DIR (default runs/experiment-NAME)

      Prints which point is training and the time left, then the table and what it says; writes
      NAME.csv, NAME.json and NAME.html (a report that opens in a browser with no network) to DIR.
      """;

  private final PrintStream out;

  ExperimentCommand(PrintStream out) {
    this.out = out;
  }

  int run(java.util.List<String> argv) throws IOException, DatasetException {
    if (argv.isEmpty() || argv.get(0).startsWith("--")) {
      throw new Args.UsageException("name an experiment: gen-vs-disc, few-labels or synthetic");
    }
    String name = argv.get(0);
    Args a = new Args(argv.subList(1, argv.size()), java.util.Set.of());
    String dataSpec = a.string("data", "sample");
    long seed = a.longValue("seed", 42);
    Path dir = Path.of(a.string("out", "runs/experiment-" + name));
    Monitor monitor = new Monitor(out);
    java.util.concurrent.Callable<ExperimentResult> experiment;
    TrainTestData[] data = new TrainTestData[1];
    switch (name) {
      case "gen-vs-disc" -> {
        int[] sizes = ints(a.string("sizes", null), GenerativeVsDiscriminative.DEFAULT_SIZES);
        experiment = () -> GenerativeVsDiscriminative.run(data[0], sizes, seed, monitor);
      }
      case "few-labels" -> {
        int[] labels = ints(a.string("labels", null), FewLabels.DEFAULT_LABELS);
        ClassifierSpec c =
            ClassifierSpec.defaults(ClassifierKind.fromId(a.string("classifier", "logreg")));
        GeneratorSpec vae =
            GeneratorSpec.defaults(GeneratorKind.VAE)
                .withEpochs(a.integer("generator-epochs", 10))
                .withLatentDim(a.integer("latent", 16))
                .withSeed(seed);
        experiment = () -> FewLabels.run(data[0], vae, c, labels, seed, monitor);
      }
      case "synthetic" -> {
        int real = a.integer("real", 1000);
        ClassifierSpec c = ClassifierSpec.defaults(ClassifierKind.fromId(a.string("classifier", "mlp")));
        GeneratorSpec g =
            GeneratorSpec.defaults(GeneratorKind.fromId(a.string("generator", "gan")))
                .withConditional(true)
                .withEpochs(a.integer("generator-epochs", 10))
                .withSeed(seed);
        experiment =
            () -> {
              ConditionalGenerator gen = trainGenerator(g, data[0]);
              return SyntheticData.run(data[0], gen, c, real, SyntheticData.DEFAULT_EXTRA, seed, monitor);
            };
      }
      default ->
          throw new Args.UsageException(
              "unknown experiment '" + name + "'; choose gen-vs-disc, few-labels or synthetic");
    }
    a.rejectUnknown();
    data[0] = new DatasetLocator().resolve(dataSpec).load().data();
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    ExperimentResult r;
    try {
      r = experiment.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    out.println();
    out.println(r.title());
    out.print(r.toTable());
    out.println(r.conclusion());
    out.printf(Locale.ROOT, "(%.0f s)%n", r.seconds());
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve(name + ".csv"), r.toCsv());
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("experiment", name);
    j.put("result", r);
    j.put("data", data[0].train().fingerprint());
    j.put("seed", seed);
    Json.writeFile(dir.resolve(name + ".json"), j);
    new HtmlReport(r.title())
        .paragraph(
            String.format(
                Locale.ROOT,
                "Data: %s, %,d training and %,d test images. Seed %d. %.0f s.",
                data[0].source(),
                data[0].train().size(),
                data[0].test().size(),
                seed,
                r.seconds()))
        .experiment(r)
        .write(dir.resolve(name + ".html"));
    out.println("results written to " + dir.toAbsolutePath());
    return 0;
  }

  /** Trains the synthetic-data experiment's generator, printing its progress. */
  private ConditionalGenerator trainGenerator(GeneratorSpec spec, TrainTestData data) {
    out.printf(Locale.ROOT, "training a class-conditional %s for %d epochs…%n", spec.kind().id(), spec.epochs());
    long t0 = System.nanoTime();
    int[] lastEpoch = {0};
    return Fit.train(
            (ConditionalGenerator) Models.generator(spec, data.shape(), data.train().classNames()),
            "the generator",
            data.train(),
            spec.epochs(),
            new Fit.Monitor() {
              @Override
              public void progress(double fraction) {
                int epoch = (int) Math.floor(fraction * spec.epochs() + 1e-9);
                if (epoch > lastEpoch[0]) {
                  lastEpoch[0] = epoch;
                  out.printf(
                      Locale.ROOT,
                      "  epoch %d/%d (%.0f s)%n",
                      epoch,
                      spec.epochs(),
                      (System.nanoTime() - t0) / 1e9);
                }
              }
            });
  }

  private static int[] ints(String csv, int[] fallback) {
    if (csv == null) {
      return fallback;
    }
    try {
      return Arrays.stream(csv.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new Args.UsageException("expected whole numbers separated by commas, got '" + csv + "'");
    }
  }

  /** Prints each point as it starts, with the estimated time left. */
  private static final class Monitor implements ExperimentMonitor {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private volatile double fraction;

    Monitor(PrintStream out) {
      this.out = out;
    }

    @Override
    public void point(int index, int total, String what) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      String left =
          fraction > 0.02
              ? String.format(Locale.ROOT, ", about %.0f s left", elapsed / fraction * (1 - fraction))
              : "";
      out.printf(Locale.ROOT, "[%d/%d] %s (%.0f s in%s)%n", index + 1, total, what, elapsed, left);
    }

    @Override
    public void progress(double f) {
      fraction = f;
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}
