package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.eval.NearestNeighbours;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.HtmlReport;
import org.duetstudio.core.store.ImageGrids;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.Provenance;
import org.duetstudio.core.store.RunRecorder;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.core.training.TrainingRun;

/**
 * {@code train}: trains a classifier and/or a generator on one data set, at the same time, and writes the
 * results to a folder.
 */
final class TrainCommand {
  static final String HELP =
      """
      duet train --data DATA [--classifier logreg|cnn] [--generator vae] [options]

        --data DATA            sample | full | a folder of IDX files | a folder of class folders | a CSV file
        --classifier KIND      logreg, nb, rf, mlp or cnn
        --generator KIND       vae, gan or dcgan
        --conditional          class-conditional generator (learns each image's class; draws to order)
        --trees N              trees in the random forest (default 100)
        --cas-images N         generated (and real) images the CAS classifier trains on (default 5,000)
        --epochs N             epochs for both models (default: each model's own)
        --classifier-epochs N  --generator-epochs N
        --seed N               seed for both models (default 42)
        --batch N              batch size for both models
        --lr X                 classifier learning rate
        --generator-lr X       generator learning rate
        --latent N             generator latent dimensions (default 16 for the VAE, 64 for the GAN)
        --train-limit N        use only the first N training images
        --test-limit N         use only the first N test images
        --out DIR              output folder (default runs/<date-time>)

      duet train --rerun DIR|FILE.duet [--out DIR2]
        the run in DIR (from its provenance files) or the session in FILE.duet again: the same specs,
        seeds and data (checked by fingerprint); then says whether every number came out the same

      Writes to DIR: metrics.json, <model>-epochs.csv, <model>-steps.csv, provenance-<model>.json,
      predictions.png (test images with predicted label and confidence), confusion.txt,
      samples.png and reconstructions.png (generators); with both a classifier and a generator,
      judge.json: the classifier's verdict on 1,000 generated images (class counts, mean confidence) and
      the Fréchet distance between real and generated images in its features (MLP and CNN), and the
      memorisation check (memorisation.png: samples beside their nearest training images);
      decision-map.png/.json (a latent plane decoded and labelled by the classifier), interpolation.png/
      .json; with a conditional generator, label-fidelity.json and cas.json (classification accuracy
      score: the classifier retrained on generated images, tested on real ones). With a generator:
      clusters.json (k-means on pixels and, for a VAE, on latent codes, beside the true classes).
      """;

  /** Generated images the judge looks at, and real test images it compares them with. */
  static final int JUDGE_SAMPLES = 1000;

  static final int JUDGE_REAL = 2000;

  private final PrintStream out;

  TrainCommand(PrintStream out) {
    this.out = out;
  }

  int run(Args a) throws IOException, DatasetException {
    if (a.has("rerun")) {
      return rerun(a);
    }
    String dataSpec = a.string("data", "sample");
    String classifierId = a.string("classifier", null);
    String generatorId = a.string("generator", null);
    Integer epochs = a.has("epochs") ? a.integer("epochs", 1) : null;
    long seed = a.longValue("seed", 42);
    int trainLimit = a.integer("train-limit", 0);
    int testLimit = a.integer("test-limit", 0);
    Path dir =
        Path.of(
            a.string(
                "out",
                "runs/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));

    ClassifierSpec cSpec = null;
    if (classifierId != null) {
      ClassifierSpec d = ClassifierSpec.defaults(ClassifierKind.fromId(classifierId));
      cSpec =
          new ClassifierSpec(
              d.kind(),
              a.integer("classifier-epochs", epochs != null ? epochs : d.epochs()),
              a.integer("batch", d.batchSize()),
              a.decimal("lr", d.learningRate()),
              a.decimal("l2", d.l2()),
              a.integer("trees", d.trees()),
              seed);
    }
    GeneratorSpec gSpec = null;
    if (generatorId != null) {
      GeneratorSpec d = GeneratorSpec.defaults(GeneratorKind.fromId(generatorId));
      gSpec =
          new GeneratorSpec(
              d.kind(),
              a.has("conditional"),
              a.integer("generator-epochs", epochs != null ? epochs : d.epochs()),
              a.integer("batch", d.batchSize()),
              a.decimal("generator-lr", d.learningRate()),
              a.integer("latent", d.latentDim()),
              a.integer("hidden", d.hiddenUnits()),
              d.sampleIntervalSeconds(),
              seed);
    }
    int casImages = a.integer("cas-images", 0);
    a.rejectUnknown();
    if (cSpec == null && gSpec == null) {
      throw new Args.UsageException("give --classifier and/or --generator");
    }
    return train(dataSpec, trainLimit, testLimit, cSpec, gSpec, seed, casImages, dir, null);
  }

  /**
   * {@code train --rerun DIR}: the run in DIR again — its specs and seeds from its provenance files, the
   * same data (checked by fingerprint) — into a new folder, then compares the numbers with DIR's.
   */
  private int rerun(Args a) throws IOException, DatasetException {
    Path from = Path.of(a.string("rerun", "."));
    if (Files.isRegularFile(from)) {
      return rerunSession(from, a);
    }
    Path dir = Path.of(a.string("out", from.toString().replaceAll("/+$", "") + "-rerun"));
    a.rejectUnknown();
    List<Path> files;
    try (var list = Files.list(from)) {
      files = list.filter(p -> p.getFileName().toString().matches("provenance-.*\\.json")).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Args.UsageException("no run folder at " + from);
    }
    if (files.isEmpty()) {
      throw new Args.UsageException(from + " has no provenance-*.json: is it a run folder written by 'train'?");
    }
    ClassifierSpec cSpec = null;
    GeneratorSpec gSpec = null;
    Provenance.DataRecord data = null;
    for (Path f : files) {
      Provenance p = Json.readFile(f, Provenance.class);
      if ("classifier".equals(p.specType())) {
        cSpec = Json.convert(p.spec(), ClassifierSpec.class);
      } else if ("generator".equals(p.specType())) {
        gSpec = Json.convert(p.spec(), GeneratorSpec.class);
      } else {
        throw new IOException(f + ": unknown spec type '" + p.specType() + "'");
      }
      data = p.data();
    }
    long seed = cSpec != null ? cSpec.seed() : gSpec.seed();
    out.println("rerunning " + from + " → " + dir);
    int rc = train(data.source(), data.trainImages(), data.testImages(), cSpec, gSpec, seed, 0, dir, data);
    Path before = from.resolve("metrics.json");
    Path after = dir.resolve("metrics.json");
    if (Files.exists(before) && Files.exists(after)) {
      List<String> diffs = new ArrayList<>();
      compare("", Json.readFile(before, Object.class), Json.readFile(after, Object.class), diffs);
      if (diffs.isEmpty()) {
        out.println("same numbers: every value in metrics.json matches the original run");
      } else {
        out.println("numbers differ from the original run in " + diffs.size() + " places, e.g.:");
        diffs.stream().limit(10).forEach(d -> out.println("  " + d));
        return rc == 0 ? 1 : rc;
      }
    }
    return rc;
  }

  /**
   * {@code train --rerun FILE.duet}: a saved session's runs again — its specs, seeds and data (checked by
   * fingerprint) — then the new numbers beside the session's.
   */
  private int rerunSession(Path file, Args a) throws IOException, DatasetException {
    String base = file.getFileName().toString().replaceAll("\\.duet$", "");
    Path dir = Path.of(a.string("out", "runs/" + base + "-rerun"));
    a.rejectUnknown();
    SessionFile s = SessionFile.load(file);
    ClassifierSpec cSpec = s.classifier() == null ? null : s.classifier().spec();
    GeneratorSpec gSpec = s.generator() == null ? null : s.generator().spec();
    if (cSpec == null && gSpec == null) {
      throw new Args.UsageException(file + " holds no trained model to rerun");
    }
    long seed = cSpec != null ? cSpec.seed() : gSpec.seed();
    out.println("rerunning the session " + file + " → " + dir);
    Provenance.DataRecord d = s.data();
    int rc = train(d.source(), d.trainImages(), d.testImages(), cSpec, gSpec, seed, 0, dir, d);
    Map<String, Object> expected = new LinkedHashMap<>();
    if (s.classifier() != null) {
      expected.put("classifier", recorded(cSpec.kind().id(), s.classifier().events()));
    }
    if (s.generator() != null) {
      expected.put("generator", recorded(gSpec.kind().id(), s.generator().events()));
    }
    List<String> diffs = new ArrayList<>();
    compare(
        "",
        Json.read(Json.write(expected), Object.class),
        Json.readFile(dir.resolve("metrics.json"), Object.class),
        diffs);
    if (diffs.isEmpty()) {
      out.println("same numbers: every value the session recorded came out the same");
      return rc;
    }
    out.println("numbers differ from the session in " + diffs.size() + " places, e.g.:");
    diffs.stream().limit(10).forEach(x -> out.println("  " + x));
    return rc == 0 ? 1 : rc;
  }

  /** A side's summary as metrics.json writes it, from the events a session kept. */
  private static Map<String, Object> recorded(String id, List<TrainingEvent> events) {
    RunRecorder r = new RunRecorder(id);
    events.forEach(r::onEvent);
    return r.summary();
  }

  /** Collects the paths where two JSON trees differ (times, which vary from run to run, excepted). */
  private static void compare(String path, Object a, Object b, List<String> diffs) {
    if (path.endsWith("_s") || path.toLowerCase(Locale.ROOT).endsWith("seconds")) {
      return;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (Object k : ma.keySet()) {
        compare(path + "/" + k, ma.get(k), mb.get(k), diffs);
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        compare(path + "[" + i + "]", la.get(i), lb.get(i), diffs);
      }
    } else if (!java.util.Objects.equals(a, b)) {
      diffs.add(path + ": " + a + " then, " + b + " now");
    }
  }

  private int train(
      String dataSpec,
      int trainLimit,
      int testLimit,
      ClassifierSpec cSpec,
      GeneratorSpec gSpec,
      long seed,
      int casImages,
      Path dir,
      Provenance.DataRecord expected)
      throws IOException, DatasetException {
    DatasetSource source = new DatasetLocator().resolve(dataSpec);
    out.println("loading " + source.name() + " from " + source.path());
    DatasetSource.Loaded loaded = source.load();
    if (!loaded.report().skipped().isEmpty()) {
      out.println(loaded.report().summary());
    }
    TrainTestData data = loaded.data().limit(trainLimit, testLimit);
    if (expected != null
        && (!expected.trainFingerprint().equals(data.train().fingerprint())
            || !expected.testFingerprint().equals(data.test().fingerprint()))) {
      throw new DatasetException(
          source.path(),
          "is not the data the run used (its fingerprint differs): it changed since, or another copy"
              + " is found first");
    }
    out.printf(
        Locale.ROOT,
        "%,d training and %,d test images, %s, %d classes%n",
        data.train().size(),
        data.test().size(),
        data.shape(),
        data.numClasses());
    String backend = Nd4jRuntime.ensureLoaded();
    Files.createDirectories(dir);

    Map<String, Object> metrics = new LinkedHashMap<>();
    boolean ok = true;
    ImageClassifier classifierModel = null;
    ImageGenerator generatorModel = null;
    try (TrainingEngine engine = new TrainingEngine()) {
      List<Running> runs = new ArrayList<>();
      if (cSpec != null) {
        ClassifierJob job = new ClassifierJob(cSpec, data);
        runs.add(start(engine, job, cSpec.kind().id(), "classifier", cSpec, data, backend, dir));
      }
      if (gSpec != null) {
        GeneratorJob job = new GeneratorJob(gSpec, data);
        runs.add(start(engine, job, gSpec.kind().id(), "generator", gSpec, data, backend, dir));
      }
      for (Running r : runs) {
        TrainingEvent end = await(r.run);
        ok &= end instanceof TrainingEvent.Finished;
        metrics.put(r.role, r.recorder.summary());
        r.recorder.writeCsv(dir, r.id);
        if (r.run.job() instanceof ClassifierJob cj && cj.model() != null) {
          classifierModel = cj.model();
          writeClassifierFigures(dir, cj.model(), data.test(), r.recorder.lastPredictions());
        }
        if (r.run.job() instanceof GeneratorJob gj && gj.model() != null) {
          generatorModel = gj.model();
          writeGeneratorFigures(dir, gj.spec(), gj.model(), data.test(), seed);
        }
      }
    }
    if (ok && classifierModel != null && generatorModel != null) {
      out.println("judging the generator through the classifier…");
      Judgement j =
          Judgement.of(
              classifierModel, generatorModel, data.test().head(JUDGE_REAL), data.train(), JUDGE_SAMPLES, seed);
      Json.writeFile(dir.resolve("judge.json"), j);
      writeMemorisation(dir, generatorModel, data.train(), j, seed);
      out.printf(
          Locale.ROOT,
          "[judge] %d samples: classes %s, mean confidence %.1f%%%s%n",
          j.samples(),
          Arrays.toString(j.verdict().counts()),
          100 * j.verdict().meanConfidence(),
          j.frechet() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; Fréchet distance in the classifier's features %.3f (real vs real %.3f)",
                  j.frechet(),
                  j.frechetRealHalves()));
    }
    if (ok && classifierModel != null && generatorModel != null) {
      judgeFurther(dir, classifierModel, generatorModel, cSpec, data, seed, casImages);
    }
    if (ok && gSpec != null) {
      writeClusters(dir, generatorModel, data.test(), seed);
    }
    Json.writeFile(dir.resolve("metrics.json"), metrics);
    writeReport(dir, cSpec, gSpec, data);
    out.println("results written to " + dir.toAbsolutePath() + " (report.html: everything on one page)");
    return ok ? 0 : 1;
  }

  /**
   * The judge's other measures: label fidelity and CAS (conditional generators), the latent decision map
   * and an interpolation, each as JSON and PNG.
   */
  private void judgeFurther(
      Path dir,
      ImageClassifier c,
      ImageGenerator g,
      ClassifierSpec cSpec,
      TrainTestData data,
      long seed,
      int casImages)
      throws IOException {
    List<String> names = c.classNames();
    if (g instanceof ConditionalGenerator cg) {
      LabelFidelity f = LabelFidelity.measure(cg, c, 100, seed);
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (int k = 0; k < names.size(); k++) {
        perClass.put(names.get(k), f.of(k));
      }
      Map<String, Object> fj = new LinkedHashMap<>();
      fj.put("overall", f.overall());
      fj.put("perClass", perClass);
      fj.put("samplesPerClass", 100);
      Json.writeFile(dir.resolve("label-fidelity.json"), fj);
      out.printf(Locale.ROOT, "[judge] label fidelity %.1f%% (100 images per class)%n", 100 * f.overall());
      int n = casImages > 0 ? casImages : Math.min(data.train().size(), 5000);
      out.println("[judge] CAS: training " + cSpec.kind().id() + " on " + n + " generated images, then on as many real…");
      ClassificationAccuracyScore cas =
          ClassificationAccuracyScore.measure(cg, cSpec, data.train(), data.test(), n, seed, Fit.Monitor.NONE);
      Map<String, Object> cj = new LinkedHashMap<>();
      cj.put("trainedOnGenerated", cas.synthetic());
      cj.put("trainedOnReal", cas.real());
      cj.put("ratio", cas.ratio());
      cj.put("trainImages", cas.trainImages());
      cj.put("testImages", cas.testImages());
      cj.put("classifier", cSpec);
      Json.writeFile(dir.resolve("cas.json"), cj);
      out.printf(
          Locale.ROOT,
          "[judge] CAS %.1f%% (trained on generated) vs %.1f%% (trained on real), ratio %.2f%n",
          100 * cas.synthetic(),
          100 * cas.real(),
          cas.ratio());
    }
    if (g.latentDim() >= 2) {
      LatentPaths.Labelled map = LatentPaths.decisionMap(c, g, 15, 2.5, names.size() > 7 ? 7 : 0);
      writeLabelled(dir, "decision-map", map, g, 15);
    }
    LatentPaths.Labelled path =
        LatentPaths.interpolate(c, g, 0, Math.min(9, names.size() - 1), 10, data.test(), seed);
    writeLabelled(dir, "interpolation", path, g, 10);
  }

  private static void writeLabelled(
      Path dir, String name, LatentPaths.Labelled l, ImageGenerator g, int columns) throws IOException {
    List<ImageGrids.Caption> caps = new ArrayList<>();
    int[] p = l.predicted();
    float[] conf = l.confidence();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String label = l.classNames().get(p[i]);
      caps.add(new ImageGrids.Caption(String.format(Locale.ROOT, "%s %.0f%%", label, 100 * conf[i]), null));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("label", label);
      r.put("confidence", conf[i]);
      rows.add(r);
    }
    ImageGrids.write(dir.resolve(name + ".png"), l.images(), g.shape(), columns, caps);
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("how", l.how());
    j.put("images", rows);
    Json.writeFile(dir.resolve(name + ".json"), j);
  }

  /** clusters.json: k-means on test pixels and, for a VAE, on its latent codes, beside the true classes. */
  private void writeClusters(Path dir, ImageGenerator g, ImageDataset test, long seed) throws IOException {
    ImageDataset t = test.head(2000);
    float[][] px = new float[t.size()][];
    for (int i = 0; i < t.size(); i++) {
      px[i] = t.image(i);
    }
    Map<String, Object> j = new LinkedHashMap<>();
    Clusters onPixels = Clusters.of(px, t.labels(), t.classNames(), t.numClasses(), seed, "pixels");
    j.put("pixels", clusterSummary(onPixels));
    String line = String.format(Locale.ROOT, "[clusters] k-means on pixels: adjusted Rand %.3f, purity %.1f%%", onPixels.adjustedRand(), 100 * onPixels.purity());
    if (g instanceof Autoencoder ae) {
      Clusters onCodes = Clusters.of(ae.encode(t), t.labels(), t.classNames(), t.numClasses(), seed, "latent codes");
      j.put("latentCodes", clusterSummary(onCodes));
      line += String.format(Locale.ROOT, "; on the VAE's latent codes: adjusted Rand %.3f, purity %.1f%%", onCodes.adjustedRand(), 100 * onCodes.purity());
    }
    Json.writeFile(dir.resolve("clusters.json"), j);
    out.println(line);
  }

  private static Map<String, Object> clusterSummary(Clusters c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("adjustedRand", c.adjustedRand());
    m.put("purity", c.purity());
    m.put("counts", c.counts());
    m.put("majority", c.majority());
    return m;
  }

  /** The figures, with what each shows, in report order. */
  private static final List<String[]> FIGURES =
      List.of(
          new String[] {"predictions.png", "Test images with the classifier's label and confidence (green right, red wrong)"},
          new String[] {"samples.png", "The generator's samples"},
          new String[] {"reconstructions.png", "Test images (odd rows) and the VAE's reconstructions (even rows)"},
          new String[] {"memorisation.png", "Samples beside their nearest training images"},
          new String[] {"decision-map.png", "A latent plane decoded, each image labelled by the classifier"},
          new String[] {"interpolation.png", "From one class to another through the latent space"});

  /** report.html: settings, numbers and every figure of the run, in one file that needs no network. */
  private static void writeReport(Path dir, ClassifierSpec c, GeneratorSpec g, TrainTestData data)
      throws IOException {
    HtmlReport r = new HtmlReport("Duet Studio run");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Data: %s — %,d training and %,d test images, %s, %d classes. Training fingerprint %s.",
            data.source(),
            data.train().size(),
            data.test().size(),
            data.shape(),
            data.numClasses(),
            data.train().fingerprint().substring(0, 16) + "…"));
    r.heading("Settings");
    List<List<String>> rows = new ArrayList<>();
    if (c != null) {
      rows.add(List.of("classifier", Json.write(c).replaceAll("\\s+", " ")));
    }
    if (g != null) {
      rows.add(List.of("generator", Json.write(g).replaceAll("\\s+", " ")));
    }
    r.table(List.of("side", "spec (seed included)"), rows);
    if (Files.isRegularFile(dir.resolve("confusion.txt"))) {
      r.heading("Classifier");
      r.preformatted(Files.readString(dir.resolve("confusion.txt")));
    }
    r.heading("Figures");
    for (String[] f : FIGURES) {
      r.figure(dir.resolve(f[0]), f[1]);
    }
    for (String json : List.of("judge.json", "label-fidelity.json", "cas.json", "clusters.json")) {
      if (Files.isRegularFile(dir.resolve(json))) {
        r.heading(json);
        String text = Files.readString(dir.resolve(json));
        r.preformatted(text.length() > 6000 ? text.substring(0, 6000) + "\n…" : text);
      }
    }
    r.heading("Provenance");
    try (var list = Files.list(dir)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith("provenance-")).sorted().toList()) {
        r.preformatted(Files.readString(p));
      }
    }
    r.write(dir.resolve("report.html"));
  }

  private record Running(String id, String role, TrainingRun run, RunRecorder recorder) {}

  private Running start(
      TrainingEngine engine,
      org.duetstudio.core.training.TrainingJob job,
      String id,
      String role,
      Record spec,
      TrainTestData data,
      String backend,
      Path dir)
      throws IOException {
    Json.writeFile(
        dir.resolve("provenance-" + id + ".json"), Provenance.of(role, spec, data, backend));
    RunRecorder recorder = new RunRecorder(id);
    ConsoleProgress progress = new ConsoleProgress(id, out);
    TrainingListener both =
        e -> {
          recorder.onEvent(e);
          progress.onEvent(e);
        };
    return new Running(id, role, engine.start(job, both), recorder);
  }

  private static TrainingEvent await(TrainingRun run) throws IOException {
    try {
      return run.completion().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.cancel();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private static void writeClassifierFigures(
      Path dir, ImageClassifier model, ImageDataset test, Predictions p) throws IOException {
    if (p == null) {
      return;
    }
    int n = Math.min(64, test.size());
    List<float[]> imgs = new ArrayList<>();
    List<ImageGrids.Caption> caps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      imgs.add(test.image(i));
      caps.add(
          ImageGrids.Caption.judged(
              String.format(
                  Locale.ROOT,
                  "%s %.0f%%",
                  model.classNames().get(p.predicted(i)),
                  100 * p.confidence(i)),
              p.correct(i)));
    }
    ImageGrids.write(dir.resolve("predictions.png"), imgs, test.shape(), 8, caps);
    AtomicFiles.writeString(
        dir.resolve("confusion.txt"),
        String.format(Locale.ROOT, "test accuracy %.2f%%%n%n", 100 * p.accuracy())
            + p.confusionMatrix().toTable());
  }

  /** memorisation.png: each of the first samples beside its nearest training image, with the distance. */
  private void writeMemorisation(
      Path dir, ImageGenerator model, ImageDataset train, Judgement j, long seed) throws IOException {
    if (j.memorisation() == null) {
      return;
    }
    NearestNeighbours nn = j.memorisation().samples();
    int[] idx = nn.indices();
    double[] dist = nn.distances();
    float[][] samples = model.sample(JUDGE_SAMPLES, seed);
    List<float[]> imgs = new ArrayList<>();
    List<ImageGrids.Caption> caps = new ArrayList<>();
    for (int i = 0; i < Math.min(16, idx.length); i++) {
      imgs.add(samples[i]);
      caps.add(new ImageGrids.Caption("sample", null));
      imgs.add(train.image(idx[i]));
      caps.add(new ImageGrids.Caption(String.format(Locale.ROOT, "nearest %.2f", dist[i]), null));
    }
    ImageGrids.write(dir.resolve("memorisation.png"), imgs, model.shape(), 8, caps);
    out.printf(
        Locale.ROOT,
        "[judge] memorisation: generated images lie %.2f from their nearest training image on average;"
            + " real test images lie %.2f (much smaller would mean copying)%n",
        nn.meanDistance(),
        j.memorisation().realTestMeanDistance());
  }

  private static void writeGeneratorFigures(
      Path dir, GeneratorSpec spec, ImageGenerator model, ImageDataset test, long seed)
      throws IOException {
    int k = test.numClasses();
    ImageGrids.write(
        dir.resolve("samples.png"),
        List.of(model.sample(GeneratorJob.gridSize(spec, k), seed)),
        model.shape(),
        GeneratorJob.gridColumns(spec, k),
        null);
    if (!(model instanceof Autoencoder ae)) {
      return; // a GAN has no encoder: nothing to reconstruct
    }
    ImageDataset originals = test.head(16);
    float[][] recon = ae.reconstruct(originals);
    List<float[]> pairs = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      pairs.add(originals.image(i));
    }
    pairs.addAll(List.of(recon));
    ImageGrids.write(dir.resolve("reconstructions.png"), pairs, model.shape(), originals.size(), null);
  }
}
