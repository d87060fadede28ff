package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.report.RunFiles;
import org.duetstudio.core.studio.PairTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: options to specs ({@link TrainOptions}), then the core pipeline ({@link PairTraining},
 * the judge, {@link RunFiles}), printing its progress; {@code --resume} and {@code --rerun}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = DuetCli.Version.class,
    sortOptions = false,
    description = "Train a classifier and/or a generator and write metrics, figures and provenance.",
    customSynopsis = {
      "duet train [--data DATA] [--classifier KIND] [--generator KIND] [options]",
      "       duet train --resume DIR",
      "       duet train --rerun DIR|FILE.duet [--out DIR2]",
    },
    modelTransformer = TrainOptions.Footer.class)
final class TrainCommand implements Callable<Integer> {
  private final PrintStream out;

  @Mixin private TrainOptions options;

  @Option(names = "--resume", paramLabel = "DIR", description = "go on with the run in DIR (see below)")
  private Path resume;

  @Option(
      names = "--rerun",
      paramLabel = "DIR|FILE.duet",
      description = "run DIR's run or FILE.duet's session again and compare (see below)")
  private Path rerun;

  @Spec private CommandSpec spec;

  TrainCommand(PrintStream out) {
    this.out = out;
  }

  private RunPipeline pipeline() {
    return new RunPipeline(out);
  }

  @Override
  public Integer call() throws IOException, DatasetException {
    List<String> given =
        spec.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
    if (resume != null) {
      refuseOthers(given, "--resume", List.of("--resume"));
      return new RecordedRunCommands(pipeline()).resume(resume);
    }
    if (rerun != null) {
      refuseOthers(given, "--rerun", List.of("--rerun", "--out"));
      return new RecordedRunCommands(pipeline()).rerun(rerun, options.out);
    }
    ClassifierSpec c = options.classifierSpec();
    GeneratorSpec g = options.generatorSpec();
    if (c == null && g == null) {
      throw new UsageException("give --classifier and/or --generator");
    }
    RunPipeline run = pipeline();
    TrainTestData data = run.load(options.data, options.loadOptions(), options.trainLimit, options.testLimit);
    return run.train(data, options.outDir(), options.casImages, options.prompt, t -> {
      if (c != null) {
        t.start(c);
      }
      if (g != null) {
        t.start(g);
      }
    });
  }

  /** {@code --resume} and {@code --rerun} take their settings from the run; other options are refused. */
  private static void refuseOthers(List<String> given, String mode, List<String> allowed) {
    List<String> others = given.stream().filter(o -> !allowed.contains(o)).toList();
    if (!others.isEmpty()) {
      throw new UsageException(
          mode + " takes the run's own settings, so " + String.join(", ", others)
              + (others.size() == 1 ? " does" : " do") + " not go with it");
    }
  }

}
