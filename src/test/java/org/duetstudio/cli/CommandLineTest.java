package org.duetstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.duetstudio.app.StudioOptions;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.store.LibraryVersions;
import org.duetstudio.ui.shell.Theme;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The grammar of the command line as a user meets it: help on every command, the version, negatable
 * flags, options mapped to the specs' defaults, and one sentence with status 2 for bad input. Nothing
 * here trains (the commands that do are tested in DuetCliTest).
 */
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  /** What the studio command would have opened the window with; null when it did not. */
  private final AtomicReference<StudioOptions> window = new AtomicReference<>();

  private int run(String... args) {
    out.reset();
    err.reset();
    StudioOptions.Studio studio =
        new StudioOptions.Studio(
            o -> {
              window.set(o);
              return 0;
            });
    return new DuetCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            studio)
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static TrainOptions trainOptions(String... args) {
    TrainOptions o = new TrainOptions();
    Converters.register(new CommandLine(o)).parseArgs(args);
    return o;
  }

  @Test
  void trainHelpListsEveryOptionWithTheSpecsDefaults() {
    assertThat(run("train", "--help")).isZero();
    String help = out();
    assertThat(help)
        .startsWith("Usage: duet train")
        .contains("--classifier=KIND", "logreg, nb, rf, mlp, cnn", "--generator=KIND", "vae, gan, dcgan")
        .contains("--[no-]conditional", "--train-limit=N", "--resume=DIR", "--rerun=DIR|FILE.duet")
        .contains("cas.json", "report.html");
    // the defaults are the spec records', not a second copy in the help
    ClassifierSpec cnn = ClassifierSpec.defaults(ClassifierKind.CNN);
    GeneratorSpec gan = GeneratorSpec.defaults(GeneratorKind.GAN);
    assertThat(help)
        .contains("cnn     epochs " + cnn.epochs() + ", batch " + cnn.batchSize())
        .contains("gan     epochs " + gan.epochs() + ", batch " + gan.batchSize());
    assertThat(err()).isEmpty();
    // 'help train' is the same text
    assertThat(run("help", "train")).isZero();
    assertThat(out()).isEqualTo(help);
  }

  @Test
  void everyCommandHasHelpAndTheOverviewListsThem() {
    for (String command : List.of("train", "experiment", "bench", "datasets", "studio")) {
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(out()).as(command).startsWith("Usage: duet " + command).contains("--help");
    }
    assertThat(run("experiment", "few-labels", "--help")).isZero();
    assertThat(out()).contains("--labels=VALUE", "(default 10,100,1000)", "--generator-epochs");
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("studio", "train", "experiment", "bench", "datasets", "help");
    assertThat(run()).as("no command at all").isEqualTo(2);
    assertThat(out()).contains("Commands:");
  }

  @Test
  void studioHelpShowsItsOptionsAndOpensNoWindow() {
    assertThat(run("studio", "--help")).isZero();
    assertThat(out())
        .startsWith("Usage: duet studio")
        .contains("--train-limit=N", "--[no-]conditional", "--tabs=A,B", "--preset=NAME")
        .contains("--[no-]presenter", "--theme=light|dark", "--[no-]exit-when-done");
    assertThat(window.get()).isNull();
    assertThat(run("help", "studio")).isZero();
    assertThat(out()).contains("--theme=light|dark");
  }

  @Test
  void versionNamesTheStudioAndItsLibraries() {
    assertThat(run("--version")).isZero();
    assertThat(out())
        .startsWith("Duet Studio " + LibraryVersions.studio())
        .contains("java ", "deeplearning4j-nn ", "smile-core ");
    assertThat(LibraryVersions.studio()).isNotEqualTo("unknown");
    assertThat(run("train", "--version")).isZero();
    assertThat(out()).startsWith("Duet Studio ");
    assertThat(run("studio", "-V")).isZero();
    assertThat(window.get()).isNull();
  }

  @Test
  void conditionalIsANegatableFlag() {
    assertThat(trainOptions("--generator", "vae", "--conditional").generatorSpec().conditional()).isTrue();
    assertThat(trainOptions("--generator", "vae", "--conditional=false").generatorSpec().conditional()).isFalse();
    assertThat(trainOptions("--generator", "vae", "--conditional=true").generatorSpec().conditional()).isTrue();
    assertThat(trainOptions("--generator", "vae", "--no-conditional").generatorSpec().conditional()).isFalse();
    assertThat(trainOptions("--generator", "vae").generatorSpec().conditional()).isFalse();
  }

  @Test
  void optionsNotGivenKeepEachKindsDefaults() {
    TrainOptions plain = trainOptions("--classifier", "cnn", "--generator", "dcgan");
    assertThat(plain.classifierSpec()).isEqualTo(ClassifierSpec.defaults(ClassifierKind.CNN));
    assertThat(plain.generatorSpec()).isEqualTo(GeneratorSpec.defaults(GeneratorKind.DCGAN));
    assertThat(plain.data).isEqualTo("sample");

    TrainOptions o =
        trainOptions(
            "--classifier", "LOGREG", "--generator", "gan", "--epochs", "2", "--generator-epochs", "5",
            "--seed", "7", "--train-limit", "6_000", "--lr=0.01");
    assertThat(o.classifierSpec().epochs()).isEqualTo(2);
    assertThat(o.generatorSpec().epochs()).isEqualTo(5);
    assertThat(o.classifierSpec().seed()).isEqualTo(7);
    assertThat(o.generatorSpec().seed()).isEqualTo(7);
    assertThat(o.classifierSpec().learningRate()).isEqualTo(0.01);
    assertThat(o.generatorSpec().learningRate())
        .isEqualTo(GeneratorSpec.defaults(GeneratorKind.GAN).learningRate());
    assertThat(o.trainLimit).isEqualTo(6000);
    assertThat(trainOptions("--generator", "vae").classifierSpec()).isNull();
  }

  @Test
  void studioOptionsAreTypedAndNegatable() {
    assertThat(
            run(
                "studio", "--presenter", "--theme", "DARK", "--conditional=false", "--train-limit", "6_000",
                "--tabs", "predictions, samples", "--generator", "dcgan", "--preset", "quick", "--train"))
        .as(err())
        .isZero();
    StudioOptions o = window.get();
    assertThat(o.presenter()).isTrue();
    assertThat(o.theme()).isEqualTo(Theme.DARK);
    assertThat(o.conditional()).isFalse();
    assertThat(o.trainLimit()).isEqualTo(6000);
    assertThat(o.tabs()).containsExactly("predictions", "samples");
    assertThat(o.generator()).isEqualTo(GeneratorKind.DCGAN);
    assertThat(o.train()).isTrue();
    assertThat(o.preset()).isEqualTo("quick");

    assertThat(run("studio")).isZero();
    StudioOptions none = window.get();
    assertThat(none.presenter()).isFalse();
    assertThat(none.theme()).isNull();
    assertThat(none.data()).isNull();
    assertThat(none.classifier()).isNull();
    assertThat(run("studio", "--conditional", "--theme=light")).isZero();
    assertThat(window.get().conditional()).isTrue();
    assertThat(window.get().theme()).isEqualTo(Theme.LIGHT);
    assertThat(run("studio", "--no-presenter")).isZero();
    assertThat(window.get().presenter()).isFalse();
    assertThat(run("studio", "--open", "lesson.duet")).isZero();
    assertThat(window.get().open()).isEqualTo(Path.of("lesson.duet"));
  }

  @Test
  void badInputGetsOneSentenceAndStatus2() {
    assertThat(run("train", "--classifier", "cnn", "--epohcs", "2")).isEqualTo(2);
    assertThat(err()).startsWith("error: unknown option '--epohcs'; did you mean --epochs?");
    assertThat(err().lines()).hasSize(2).last().asString().isEqualTo("(see 'train --help')");

    assertThat(run("train", "--classifier", "cnn", "--epochs", "many")).isEqualTo(2);
    assertThat(err()).contains("'--epochs'", "'many' is not a whole number").doesNotContain("Exception");
    assertThat(run("train", "--classifier", "cnn", "--lr", "fast")).isEqualTo(2);
    assertThat(err()).contains("'fast' is not a number");
    assertThat(run("train", "--generator", "glow")).isEqualTo(2);
    assertThat(err()).contains("unknown generator 'glow'");
    assertThat(run("train", "--epochs")).isEqualTo(2);
    assertThat(err()).contains("--epochs").contains("N");
    assertThat(run("train", "--epochs", "3")).isEqualTo(2);
    assertThat(err()).contains("give --classifier and/or --generator");
    assertThat(run("train", "--resume", "runs/x", "--epochs", "3")).isEqualTo(2);
    assertThat(err()).contains("--resume takes the run's own settings, so --epochs does not go with it");
    assertThat(run("trian")).isEqualTo(2);
    assertThat(err()).contains("'trian'").contains("train");
    assertThat(run("experiment")).isEqualTo(2);
    assertThat(err()).contains("name an experiment: gen-vs-disc, few-labels or synthetic");

    assertThat(run("studio", "--theme", "blue")).isEqualTo(2);
    assertThat(err()).contains("--theme").contains("blue");
    assertThat(run("studio", "--preset", "slow")).isEqualTo(2);
    assertThat(err()).contains("unknown preset 'slow'");
    assertThat(run("studio", "--experiment", "diffusion")).isEqualTo(2);
    assertThat(err()).contains("unknown experiment 'diffusion'");
    assertThat(run("studio", "--windowed")).isEqualTo(2);
    assertThat(err()).startsWith("error: unknown option '--windowed'");
    assertThat(window.get()).as("no window for bad options").isNull();
  }
}
