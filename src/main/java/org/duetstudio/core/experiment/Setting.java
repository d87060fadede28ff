package org.duetstudio.core.experiment;

import java.util.Arrays;
import java.util.List;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;

/**
 * One setting of an experiment, as both front ends show it: its key (the command-line option {@code --key}
 * and the settings map's key), a label for the window, a line of help, and the allowed values where there
 * is a fixed choice. Values travel as text and are parsed by {@link Experiment#parse}.
 *
 * @param key the option's name, e.g. {@code sizes}
 * @param label how the window names it, e.g. "Training-set sizes"
 * @param help what it means, for the command line's help
 * @param choices the allowed values (ids) with their display names; empty for free text (numbers)
 * @param ownGenerator whether it only matters when the experiment trains its own generator (the command
 *     line); the window uses the generator pane's trained model and does not show it
 */
public record Setting(String key, String label, String help, List<Choice> choices, boolean ownGenerator) {
  static final Setting SEED = text("seed", "Seed", "the random seed of every draw and model");

  public Setting {
    choices = List.copyOf(choices);
  }

  /** An allowed value: {@code id} as typed, {@code name} as shown. */
  public record Choice(String id, String name) {}

  static Setting text(String key, String label, String help) {
    return new Setting(key, label, help, List.of(), false);
  }

  static Setting classifier(String help) {
    return new Setting(
        "classifier",
        "Classifier",
        help,
        Arrays.stream(ClassifierKind.values()).map(k -> new Choice(k.id(), k.displayName())).toList(),
        false);
  }

  static Setting generator(String help) {
    return new Setting(
        "generator",
        "Generator",
        help,
        Arrays.stream(GeneratorKind.values()).map(k -> new Choice(k.id(), k.displayName())).toList(),
        true);
  }

  static Setting generatorEpochs(String label, String help, boolean ownGenerator) {
    return new Setting("generator-epochs", label, help, List.of(), ownGenerator);
  }

}
