package org.duetstudio.core.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierKind;

/**
 * Settings of {@link Experiment#FEW_LABELS}.
 *
 * @param labels the numbers of labelled images measured
 * @param classifier the classifier trained on pixels and on codes
 * @param generatorEpochs the VAE's epochs
 * @param latent the VAE's latent dimensions
 * @param seed the seed of the draws and the models
 */
public record FewLabelsSettings(
    List<Integer> labels, ClassifierKind classifier, int generatorEpochs, int latent, long seed)
    implements ExperimentSettings {
  public static final FewLabelsSettings DEFAULTS =
      new FewLabelsSettings(List.of(10, 100, 1000), ClassifierKind.LOGISTIC_REGRESSION, 10, 16, DEFAULT_SEED);

  static final List<Setting> SETTINGS =
      List.of(
          Setting.text("labels", "Labelled images", "numbers of labelled images"),
          Setting.classifier("the classifier trained on pixels and on codes"),
          Setting.generatorEpochs("VAE epochs", "the VAE's epochs (on all training images, labels unused)", false),
          Setting.text("latent", "Latent dimensions", "the VAE's latent dimensions"),
          Setting.SEED);

  public FewLabelsSettings {
    labels = List.copyOf(labels);
    if (labels.isEmpty() || labels.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("labels: give at least one number, each at least 1");
    }
    if (generatorEpochs < 1 || latent < 1) {
      throw new IllegalArgumentException("generator-epochs and latent must be at least 1");
    }
  }

  static FewLabelsSettings read(SettingValues v) {
    return new FewLabelsSettings(
        v.positives("labels"),
        v.classifier("classifier"),
        v.positive("generator-epochs"),
        v.positive("latent"),
        v.whole("seed"));
  }

  @Override
  public Experiment experiment() {
    return Experiment.FEW_LABELS;
  }

  @Override
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("labels", SettingValues.join(labels));
    m.put("classifier", classifier.id());
    m.put("generator-epochs", String.valueOf(generatorEpochs));
    m.put("latent", String.valueOf(latent));
    m.put("seed", String.valueOf(seed));
    return m;
  }
}
