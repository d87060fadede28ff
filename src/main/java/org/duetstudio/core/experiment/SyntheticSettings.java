package org.duetstudio.core.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;

/**
 * Settings of {@link Experiment#SYNTHETIC}.
 *
 * @param real the real images N
 * @param extra the generated images added at each point, as multiples of N, the first 0 (real only)
 * @param classifier the classifier trained at each point
 * @param generator the class-conditional generator trained when none is given
 * @param generatorEpochs that generator's epochs
 * @param seed the seed of the draws and the models
 */
public record SyntheticSettings(
    int real,
    List<Double> extra,
    ClassifierKind classifier,
    GeneratorKind generator,
    int generatorEpochs,
    long seed)
    implements ExperimentSettings {
  public static final SyntheticSettings DEFAULTS =
      new SyntheticSettings(
          1000, List.of(0.0, 0.5, 1.0, 2.0), ClassifierKind.MLP, GeneratorKind.GAN, 10, DEFAULT_SEED);

  static final List<Setting> SETTINGS =
      List.of(
          Setting.text("real", "Real images", "the real images N"),
          Setting.text("extra", "Generated, × N", "generated images added, as multiples of N, the first 0"),
          Setting.classifier("the classifier trained at each point"),
          Setting.generator("the class-conditional generator trained first"),
          Setting.generatorEpochs("Generator epochs", "that generator's epochs", true),
          Setting.SEED);

  public SyntheticSettings {
    extra = List.copyOf(extra);
    if (real < 1 || generatorEpochs < 1) {
      throw new IllegalArgumentException("real and generator-epochs must be at least 1");
    }
    if (extra.isEmpty() || extra.stream().anyMatch(x -> !(x >= 0) || x.isInfinite())) {
      throw new IllegalArgumentException("extra: give at least one multiple, each 0 or more");
    }
    if (extra.get(0) != 0) {
      throw new IllegalArgumentException("extra: the first multiple must be 0 (the real images alone)");
    }
  }

  static SyntheticSettings read(SettingValues v) {
    return new SyntheticSettings(
        v.positive("real"),
        v.shares("extra"),
        v.classifier("classifier"),
        v.generator("generator"),
        v.positive("generator-epochs"),
        v.whole("seed"));
  }

  @Override
  public Experiment experiment() {
    return Experiment.SYNTHETIC;
  }

  @Override
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("real", String.valueOf(real));
    m.put("extra", SettingValues.join(extra));
    m.put("classifier", classifier.id());
    m.put("generator", generator.id());
    m.put("generator-epochs", String.valueOf(generatorEpochs));
    m.put("seed", String.valueOf(seed));
    return m;
  }
}
