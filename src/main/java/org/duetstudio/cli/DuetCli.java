package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;

/** The studio without a window: {@code train}, {@code bench}, {@code datasets}. */
public final class DuetCli {
  public static final String HELP =
      """
      Duet Studio — a classifier and a generator trained on the same images, side by side.

      Commands:
        studio    the window (the default when no command is given); see 'help studio'
        train     train a classifier and/or a generator and write metrics, figures and provenance
        experiment  gen-vs-disc, few-labels or synthetic: what the pairing teaches, as a table
        bench     measure the training engine against bare DL4J loops, or every model (--models)
        datasets  list the data sets found on this machine
        help      this text, or 'help COMMAND'

      Run without a command to open the studio window.
      """;

  /** Options of the window, parsed by the launcher. */
  public static final String STUDIO_HELP =
      """
      duet studio [--data DATA] [--train-limit N] [--classifier KIND] [--generator KIND] [--latent N]
                  [--conditional] [--epochs N] [--train] [--exit-when-done] [--tabs A,B]
                  [--experiment NAME] [--preset quick|full]

        --data DATA         sample | full | a path (default: the full set if installed, else the sample)
        --train-limit N     train on the first N training images
        --train             start both models as soon as the data is loaded
        --exit-when-done    close when both have finished and print the UI figures
                            (window start time, longest UI stall, peak memory)
        --tabs A,B          open these tabs, by name (e.g. predictions,latent space)
        --latent N          the generator's latent dimensions (2 shows the latent map)
        --classifier KIND   logreg, nb, rf, mlp or cnn (default cnn)
        --generator KIND    vae, gan or dcgan (default vae)
        --conditional       make the generator class-conditional
        --epochs N          epochs for both models (default: each model's own)
        --preset NAME       "quick" (Quick demo) or "full" (Full run): both sides' settings; with
                            --train it starts at once (the window's Presets menu asks first)
        --experiment NAME   open the experiments window and run gen-vs-disc, few-labels or synthetic
                            (with --train: after both models have finished)
      """;

  private final PrintStream out;
  private final PrintStream err;

  public DuetCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new DuetCli(System.out, System.err).run(args));
  }

  /** Runs one command; returns the exit status (0 ok, 1 training failed, 2 bad input). */
  public int run(String... argv) {
    System.setProperty("java.awt.headless", "true");
    if (argv.length == 0) {
      out.print(HELP);
      return 2;
    }
    List<String> rest = Arrays.asList(argv).subList(1, argv.length);
    try {
      return switch (argv[0]) {
        case "train" -> new TrainCommand(out).run(new Args(rest, Set.of("conditional")));
        case "bench" -> new BenchCommand(out).run(new Args(rest, Set.of("models")));
        case "experiment" -> new ExperimentCommand(out).run(rest);
        case "datasets" -> datasets();
        case "help", "--help", "-h" -> help(rest);
        default -> {
          err.println("error: unknown command '" + argv[0] + "'");
          err.print(HELP);
          yield 2;
        }
      };
    } catch (Args.UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("(see 'help " + argv[0] + "')");
      return 2;
    } catch (DatasetException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private int help(List<String> rest) {
    String topic = rest.isEmpty() ? "" : rest.get(0);
    out.print(
        switch (topic) {
          case "train" -> TrainCommand.HELP;
          case "bench" -> BenchCommand.HELP;
          case "studio" -> STUDIO_HELP;
          case "experiment" -> ExperimentCommand.HELP;
          default -> HELP;
        });
    return 0;
  }

  private int datasets() {
    List<DatasetSource> found = new DatasetLocator().available();
    if (found.isEmpty()) {
      out.println("no data set found; give a path with --data");
    }
    for (DatasetSource s : found) {
      out.printf("%-8s %s  (%s)%n", s.spec(), s.name(), s.path());
    }
    return 0;
  }
}
