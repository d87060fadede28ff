package org.duetstudio.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.LoadOptions;
import org.duetstudio.core.judge.JudgeSettings;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code train}'s options for a new run, mapped to specs: each model kind's defaults (from its spec, the
 * one place they are written) with what the options change. An option not given is null and keeps the
 * kind's default; {@link #defaults()} prints those defaults for the help.
 */
final class TrainOptions {
  @Option(
      names = "--data",
      paramLabel = "DATA",
      defaultValue = "sample",
      description = "sample | full | a folder of IDX files | a folder of class folders | a CSV file"
          + " (default ${DEFAULT-VALUE})")
  String data;

  @Option(
      names = "--classifier",
      paramLabel = "KIND",
      completionCandidates = Converters.ClassifierIds.class,
      description = "${COMPLETION-CANDIDATES}")
  ClassifierKind classifier;

  @Option(
      names = "--generator",
      paramLabel = "KIND",
      completionCandidates = Converters.GeneratorIds.class,
      description = "${COMPLETION-CANDIDATES}")
  GeneratorKind generator;

  @Option(
      names = "--conditional",
      negatable = true,
      description = "class-conditional generator (learns each image's class; draws to order);"
          + " --no-conditional or --conditional=false: not (default: the kind's, conditional for"
          + " diffusion)")
  Boolean conditional;

  @Option(names = "--epochs", paramLabel = "N", description = "epochs for both models")
  Integer epochs;

  @Option(names = "--classifier-epochs", paramLabel = "N", description = "the classifier's epochs")
  Integer classifierEpochs;

  @Option(names = "--generator-epochs", paramLabel = "N", description = "the generator's epochs")
  Integer generatorEpochs;

  @Option(names = "--seed", paramLabel = "N", description = "seed for both models")
  Long seed;

  @Option(names = "--batch", paramLabel = "N", description = "batch size for both models")
  Integer batch;

  @Option(names = "--lr", paramLabel = "X", description = "classifier learning rate")
  Double lr;

  @Option(names = "--l2", paramLabel = "X", description = "classifier L2 penalty")
  Double l2;

  @Option(names = "--trees", paramLabel = "N", description = "trees in the random forest")
  Integer trees;

  @Option(names = "--generator-lr", paramLabel = "X", description = "generator learning rate")
  Double generatorLr;

  @Option(names = "--latent", paramLabel = "N", description = "generator latent dimensions")
  Integer latent;

  @Option(names = "--hidden", paramLabel = "N", description = "generator hidden units")
  Integer hidden;

  @Option(names = "--steps", paramLabel = "N", description = "diffusion: sampling steps from noise to picture")
  Integer steps;

  @Option(
      names = "--guidance",
      paramLabel = "X",
      description = "diffusion: classifier-free guidance (0 ignores the class, 1 the plain model)")
  Double guidance;

  @Option(
      names = "--prompt",
      paramLabel = "TEXT",
      description = "after training, draw what TEXT asks for (\"two bags\") with the class-conditional"
          + " generator: prompt.png")
  String prompt;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "a folder of images: load them at this size (default: the most common, at most 64x64)")
  String size;

  @Option(names = "--grey", description = "a folder of colour images: load them grey")
  boolean grey;

  @Option(
      names = "--cas-images",
      paramLabel = "N",
      description = "generated (and real) images the CAS classifier trains on (default "
          + JudgeSettings.CAS_IMAGES + ")")
  int casImages;

  @Option(names = "--train-limit", paramLabel = "N", description = "use only the first N training images")
  int trainLimit;

  @Option(names = "--test-limit", paramLabel = "N", description = "use only the first N test images")
  int testLimit;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/<date-time>)")
  Path out;

  /** Each kind's defaults, one line per kind, from the spec records. */
  static String defaults() {
    String c =
        Arrays.stream(ClassifierKind.values())
            .map(ClassifierSpec::defaults)
            .map(
                d -> {
                  // only what the kind reads (naive Bayes has no learning rate, a forest no epochs)
                  Map<String, String> v = new LinkedHashMap<>();
                  v.put("epochs", "epochs " + d.epochs());
                  v.put("batchSize", "batch " + d.batchSize());
                  v.put("learningRate", "lr " + plain(d.learningRate()));
                  v.put("l2", "l2 " + plain(d.l2()));
                  v.put("trees", "trees " + d.trees());
                  v.put("seed", "seed " + d.seed());
                  v.keySet().retainAll(d.kind().settings());
                  return String.format(Locale.ROOT, "  %-7s %s", d.kind().id(), String.join(", ", v.values()));
                })
            .collect(Collectors.joining("%n"));
    String g =
        Arrays.stream(GeneratorKind.values())
            .map(GeneratorSpec::defaults)
            .map(
                d ->
                    String.format(
                        Locale.ROOT,
                        "  %-7s epochs %d, batch %d, generator-lr %s, latent %d, hidden %d, seed %d",
                        d.kind().id(),
                        d.epochs(),
                        d.batchSize(),
                        plain(d.learningRate()),
                        d.latentDim(),
                        d.hiddenUnits(),
                        d.seed()))
            .collect(Collectors.joining("%n"));
    return "Each model's defaults (an option not given keeps them):%n" + c + "%n" + g;
  }

  /** The classifier's spec: its kind's defaults with the options given; null without --classifier. */
  ClassifierSpec classifierSpec() {
    if (classifier == null) {
      return null;
    }
    ClassifierSpec d = ClassifierSpec.defaults(classifier);
    return new ClassifierSpec(
        d.kind(),
        or(classifierEpochs, or(epochs, d.epochs())),
        or(batch, d.batchSize()),
        or(lr, d.learningRate()),
        or(l2, d.l2()),
        or(trees, d.trees()),
        or(seed, d.seed()));
  }

  /** The generator's spec: its kind's defaults with the options given; null without --generator. */
  GeneratorSpec generatorSpec() {
    if (generator == null) {
      return null;
    }
    GeneratorSpec d = GeneratorSpec.defaults(generator);
    return new GeneratorSpec(
        d.kind(),
        or(conditional, d.conditional()),
        or(generatorEpochs, or(epochs, d.epochs())),
        or(batch, d.batchSize()),
        or(generatorLr, d.learningRate()),
        or(latent, d.latentDim()),
        or(hidden, d.hiddenUnits()),
        d.sampleIntervalSeconds(),
        or(seed, d.seed()),
        or(steps, d.samplingSteps()),
        or(guidance, d.guidance()));
  }

  /** How to load a folder of images: {@code --size} and {@code --grey}, else automatic. */
  LoadOptions loadOptions() {
    LoadOptions o = size == null ? LoadOptions.AUTOMATIC : LoadOptions.parseSize(size);
    return o.withGrey(grey);
  }

  /** The output folder: {@code --out}, or a new one under runs/ named by the time. */
  Path outDir() {
    return out != null
        ? out
        : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private static <T> T or(T given, T fallback) {
    return given != null ? given : fallback;
  }

  /** The end of {@code train}'s help: resuming and rerunning, the run folder, each model's defaults. */
  static final class Footer implements IModelTransformer {
    private static final List<String> TEXT =
        List.of(
            "%n--resume DIR: the run in DIR goes on where it stopped (killed, or the machine went down), each side"
                + " from its last checkpoint, to the numbers of a run that was never interrupted.",
            "--rerun DIR|FILE.duet: DIR's run (from its provenance files) or FILE's session again, with the same"
                + " specs, seeds and data (checked by fingerprint), into --out (default DIR-rerun or"
                + " runs/FILE-rerun); then says whether every number came out the same.",
            "%nThe run folder is written as training goes: provenance-<model>.json (spec with seed, data"
                + " fingerprints, libraries, machine), <side>-events.jsonl, <side>-checkpoint.bin (after each"
                + " epoch), metrics.json, <model>-epochs.csv and -steps.csv (the curves). At the end:"
                + " predictions.png, confusion.txt, samples.png, reconstructions.png, clusters.json; with both"
                + " sides the judge's judge.json (verdict on 1,000 generated images, Fréchet distance,"
                + " memorisation), memorisation.png, decision-map.png/.json, interpolation.png/.json, and with"
                + " a conditional generator label-fidelity.json and cas.json; report.html (everything on one"
                + " page, as the window's Report…).");

    @Override
    public CommandSpec transform(CommandSpec command) {
      List<String> footer = new ArrayList<>(TEXT);
      footer.add("%n" + TrainOptions.defaults());
      command.usageMessage().footer(footer.toArray(String[]::new));
      return command;
    }
  }
}
