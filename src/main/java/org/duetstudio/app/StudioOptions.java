package org.duetstudio.app;

import java.util.List;
import org.duetstudio.cli.DuetCli;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;

/**
 * Options of {@code duet studio}: which data to open, how many training images to use, and whether to
 * start training at once and close when it ends (for demos, screenshots and the UI benchmark).
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
 */
record StudioOptions(
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
    String preset) {
  static final String HELP = DuetCli.STUDIO_HELP;

  static StudioOptions parse(List<String> args) {
    String data = null;
    int limit = 0;
    boolean train = false;
    boolean exit = false;
    List<String> tabs = List.of();
    int latent = 0;
    ClassifierKind classifier = null;
    GeneratorKind generator = null;
    boolean conditional = false;
    int epochs = 0;
    String experiment = null;
    String preset = null;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--data" -> data = value(args, ++i);
        case "--train-limit" -> {
          try {
            limit = Integer.parseInt(value(args, ++i));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--train-limit must be a whole number");
          }
        }
        case "--train" -> train = true;
        case "--exit-when-done" -> exit = true;
        case "--tabs" -> tabs = List.of(value(args, ++i).split(","));
        case "--classifier" -> classifier = ClassifierKind.fromId(value(args, ++i));
        case "--generator" -> generator = GeneratorKind.fromId(value(args, ++i));
        case "--conditional" -> conditional = true;
        case "--experiment" -> experiment = value(args, ++i);
        case "--preset" -> preset = value(args, ++i);
        case "--epochs" -> {
          try {
            epochs = Integer.parseInt(value(args, ++i));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--epochs must be a whole number");
          }
        }
        case "--latent" -> {
          try {
            latent = Integer.parseInt(value(args, ++i));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--latent must be a whole number");
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + HELP);
      }
    }
    return new StudioOptions(
        data, limit, train, exit, tabs, latent, classifier, generator, conditional, epochs, experiment, preset);
  }

  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
    }
    return args.get(i);
  }
}
