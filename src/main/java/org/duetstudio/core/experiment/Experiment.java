package org.duetstudio.core.experiment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ConditionalGenerator;

/**
 * The studio's experiments, one entry each: what the command line and the window both run. Each has an
 * id (the command line's name and the files' names), a title, a sentence saying what it asks, its
 * settings with their defaults, and {@link #run}.
 */
public enum Experiment {
  GEN_VS_DISC(
      "gen-vs-disc",
      "Generative vs discriminative classifiers",
      "Naive Bayes (generative, models p(image | class)) against logistic regression (discriminative,"
          + " models p(class | image)) as the training set grows, small sets averaged over several draws:"
          + " Ng & Jordan (2001) found the generative one better with few examples, the discriminative one"
          + " with many.",
      "training images",
      GenVsDiscSettings.DEFAULTS,
      GenVsDiscSettings.SETTINGS,
      GenVsDiscSettings::read),
  FEW_LABELS(
      "few-labels",
      "Few labels: raw pixels vs the VAE's latent codes",
      "Semi-supervised learning made visible: a VAE learns from all training images with no labels, then"
          + " with only a few labelled images the same classifier learns from raw pixels and from the VAE's"
          + " latent codes of those images.",
      "labelled images",
      FewLabelsSettings.DEFAULTS,
      FewLabelsSettings.SETTINGS,
      FewLabelsSettings::read),
  SYNTHETIC(
      "synthetic",
      "Does synthetic data help?",
      "A classifier learns from N real images plus images from a class-conditional generator, beside the"
          + " same with flipped and shifted copies of the real images (plain augmentation) and from"
          + " generated images only (the classification accuracy score), all tested on real test images.",
      "share of generated images",
      SyntheticSettings.DEFAULTS,
      SyntheticSettings.SETTINGS,
      SyntheticSettings::read);

  private final String id;
  private final String title;
  private final String description;
  private final String xLabel;
  private final ExperimentSettings defaults;
  private final List<Setting> settings;
  private final Function<SettingValues, ExperimentSettings> reader;

  Experiment(
      String id,
      String title,
      String description,
      String xLabel,
      ExperimentSettings defaults,
      List<Setting> settings,
      Function<SettingValues, ExperimentSettings> reader) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.xLabel = xLabel;
    this.defaults = defaults;
    this.settings = settings;
    this.reader = reader;
  }

  /** The name on the command line and of the files written, e.g. {@code gen-vs-disc}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** What the experiment asks and how, in a sentence. */
  public String description() {
    return description;
  }

  /** What a point (a row of the result) measures. */
  public String xLabel() {
    return xLabel;
  }

  public ExperimentSettings defaults() {
    return defaults;
  }

  /** The settings, in the order they are shown. */
  public List<Setting> settings() {
    return settings;
  }

  /**
   * Settings from text under their keys; a key not given keeps its default.
   *
   * @throws IllegalArgumentException naming the setting, for an unknown key or a value that does not read
   */
  public ExperimentSettings parse(Map<String, String> given) {
    Map<String, String> values = new HashMap<>(defaults.values());
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (!values.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown setting '" + e.getKey() + "' of " + id + "; its settings are " + values.keySet());
      }
      if (e.getValue() != null) {
        values.put(e.getKey(), e.getValue());
      }
    }
    return reader.apply(new SettingValues(values));
  }

  /**
   * Runs the experiment on the calling thread: trains its models, tells {@code monitor} which point is
   * training, and stops (CancellationException) when it asks.
   */
  public ExperimentResult run(ExperimentInput input, ExperimentSettings settings, ExperimentMonitor monitor) {
    if (settings.experiment() != this) {
      throw new IllegalArgumentException("settings of " + settings.experiment().id() + " given to " + id);
    }
    return switch (settings) {
      case GenVsDiscSettings s ->
          GenerativeVsDiscriminative.run(input.data(), SettingValues.ints(s.sizes()), s.seed(), monitor);
      case FewLabelsSettings s -> FewLabels.run(input.data(), s, monitor);
      case SyntheticSettings s -> SyntheticData.run(input, s, monitor);
    };
  }

  /** Whether it draws on a class-conditional generator: trained by it, unless its input has images of one. */
  public boolean usesGenerator() {
    return settings.stream().anyMatch(Setting::ownGenerator);
  }

  /**
   * The input for a run with {@code settings} on {@code data} that draws on the trained {@code generator}
   * (on the calling thread, which must be allowed to use it); just the data where the experiment uses no
   * generator.
   *
   * @param from where the generator came from, in words, for the report
   */
  public ExperimentInput input(
      TrainTestData data, ExperimentSettings settings, ConditionalGenerator generator, String from) {
    if (!(settings instanceof SyntheticSettings s)) {
      return ExperimentInput.of(data);
    }
    return new ExperimentInput(data, SyntheticData.pool(data, generator, s), from);
  }

  /** The experiment named {@code id}, e.g. {@code few-labels}. */
  public static Experiment fromId(String id) {
    return Arrays.stream(values())
        .filter(e -> e.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + id + "'; choose " + ids()));
  }

  /** The ids, e.g. "gen-vs-disc, few-labels or synthetic". */
  public static String ids() {
    List<String> ids = Arrays.stream(values()).map(Experiment::id).toList();
    return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
  }

  /** Every setting as {@code --key  help (default …)}, one per line, for a command line's help. */
  public String optionsHelp(String indent) {
    Map<String, String> d = defaults.values();
    return settings.stream()
        .map(
            s -> {
              String choices =
                  s.choices().isEmpty()
                      ? ""
                      : "; " + s.choices().stream().map(Setting.Choice::id).collect(Collectors.joining(", "));
              String value = d.get(s.key()) + choices;
              return String.format(
                  Locale.ROOT, "%s--%-18s %s (default %s)", indent, s.key(), s.help(), value);
            })
        .collect(Collectors.joining("\n"));
  }
}
