package org.duetstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.duetstudio.cli.Converters;
import org.duetstudio.cli.DuetCli;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.ui.shell.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Options of {@code duet studio}: which data to open, how many training images to use, and whether to
 * start training at once and close when it ends (for demos, screenshots and the UI benchmark). Parsed
 * by picocli from the options of {@link Studio}, the same definitions its {@code --help} is made from.
 *
 * @param data "sample", "full" or a path; null for the best available
 * @param trainLimit training images to use (0 = all)
 * @param train press "Train both" as soon as data and back-end are ready
 * @param exitWhenDone close the window when both runs have ended, printing the UI figures
 * @param tabs names of tabs to open in the panes
 * @param latent the generator's latent dimensions; 0 keeps the default
 * @param classifier the classifier to start with; null keeps the default (CNN)
 * @param generator the generator to start with; null keeps the default (VAE)
 * @param conditional train the generator class-conditional
 * @param epochs epochs for both sides; 0 keeps each model's default
 * @param experiment an experiment to open and run once the data is loaded (and, with {@code train},
 *     once both sides have finished); null for none
 * @param preset a preset to apply before training ("quick", "full"); null for none
 * @param presenter open in the presenter view (large fonts, the class's view; for a projector)
 * @param theme the theme to open with; null keeps the one chosen last
 * @param open a saved session (.duet) to open; null for none. The launcher turns a lone {@code .duet}
 *     argument (how an installed app's file association starts it) into {@code studio --open FILE}
 */
public record StudioOptions(
    String data,
    int trainLimit,
    boolean train,
    boolean exitWhenDone,
    List<String> tabs,
    int latent,
    ClassifierKind classifier,
    GeneratorKind generator,
    boolean conditional,
    int epochs,
    String experiment,
    String preset,
    boolean presenter,
    Theme theme,
    Path open) {

  public StudioOptions {
    tabs = List.copyOf(tabs);
  }

  /**
   * The options in {@code args} (what follows {@code studio}).
   *
   * @throws IllegalArgumentException with one sentence, for an unknown option or a bad value
   */
  static StudioOptions parse(List<String> args) {
    Studio command = new Studio(o -> 0);
    CommandLine cl = Converters.register(new CommandLine(command));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    try {
      cl.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return command.options();
  }

  /**
   * {@code studio} as a picocli command: its options, and what to do with them (open the window).
   */
  @Command(
      name = "studio",
      mixinStandardHelpOptions = true,
      versionProvider = DuetCli.Version.class,
      sortOptions = false,
      abbreviateSynopsis = true,
      description = {
        "The window (the default when no command is given).",
        "Without options it opens with the start screen; with --train, --preset or --experiment it goes"
            + " straight to work.",
      })
  public static final class Studio implements Callable<Integer> {
    private final ToIntFunction<StudioOptions> window;

    @Option(
        names = "--data",
        paramLabel = "DATA",
        description = "sample | full | a path (default: the full set if installed, else the sample)")
    private String data;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N training images")
    private int trainLimit;

    @Option(
        names = "--classifier",
        paramLabel = "KIND",
        completionCandidates = Converters.ClassifierIds.class,
        description = "${COMPLETION-CANDIDATES} (default cnn)")
    private ClassifierKind classifier;

    @Option(
        names = "--generator",
        paramLabel = "KIND",
        completionCandidates = Converters.GeneratorIds.class,
        description = "${COMPLETION-CANDIDATES} (default vae)")
    private GeneratorKind generator;

    @Option(
        names = "--latent",
        paramLabel = "N",
        description = "the generator's latent dimensions (2 shows the latent map)")
    private int latent;

    @Option(
        names = "--conditional",
        negatable = true,
        description = "make the generator class-conditional (--no-conditional: not)")
    private boolean conditional;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs for both models (default: each model's own)")
    private int epochs;

    @Option(
        names = "--train",
        negatable = true,
        description = "start both models as soon as the data is loaded")
    private boolean train;

    @Option(
        names = "--exit-when-done",
        negatable = true,
        description = "close when both have finished and print the UI figures (window start time, longest UI"
            + " stall, peak memory)")
    private boolean exitWhenDone;

    @Option(
        names = "--tabs",
        paramLabel = "A,B",
        split = ",",
        description = "open these tabs, by name (e.g. predictions,latent space)")
    private List<String> tabs = List.of();

    @Option(
        names = "--preset",
        paramLabel = "NAME",
        converter = PresetName.class,
        description = "\"quick\" (Quick demo) or \"full\" (Full run): both sides' settings; with --train it"
            + " starts at once (the window's Presets menu asks first)")
    private String preset;

    @Option(
        names = "--experiment",
        paramLabel = "NAME",
        converter = ExperimentName.class,
        description = "open the experiments window and run gen-vs-disc, few-labels or synthetic (with"
            + " --train: after both models have finished)")
    private String experiment;

    @Option(
        names = "--presenter",
        negatable = true,
        description = "open in the presenter view: large fonts and what a class should look at, for a"
            + " projector")
    private boolean presenter;

    @Option(
        names = "--theme",
        paramLabel = "light|dark",
        description = "the theme to open with (default: the one chosen last)")
    private Theme theme;

    @Option(
        names = "--open",
        paramLabel = "FILE.duet|DIR",
        description = "open this saved session, or a run folder that train wrote")
    private Path open;

    /**
     * @param window opens the window with the parsed options and returns the exit status
     */
    public Studio(ToIntFunction<StudioOptions> window) {
      this.window = window;
    }

    /** The options as parsed. */
    public StudioOptions options() {
      return new StudioOptions(
          data,
          trainLimit,
          train,
          exitWhenDone,
          tabs.stream().map(String::strip).toList(),
          latent,
          classifier,
          generator,
          conditional,
          epochs,
          experiment,
          preset,
          presenter,
          theme,
          open);
    }

    @Override
    public Integer call() {
      return window.applyAsInt(options());
    }
  }

  /** A preset's name, checked against the presets; kept as typed. */
  static final class PresetName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Preset.named(value);
        return value;
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** An experiment's id, checked against the registry. */
  static final class ExperimentName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Experiment.fromId(value).id();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
