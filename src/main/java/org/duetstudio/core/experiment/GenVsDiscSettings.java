package org.duetstudio.core.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@link Experiment#GEN_VS_DISC}.
 *
 * @param sizes the training-set sizes measured (each capped at the training set)
 * @param seed the seed of the draws and the models
 */
public record GenVsDiscSettings(List<Integer> sizes, long seed) implements ExperimentSettings {
  public static final GenVsDiscSettings DEFAULTS =
      new GenVsDiscSettings(List.of(20, 50, 100, 200, 500, 1000, 2000, 5000, 12000), DEFAULT_SEED);

  static final List<Setting> SETTINGS =
      List.of(
          Setting.text("sizes", "Training-set sizes", "training-set sizes, capped at the training set"),
          Setting.SEED);

  public GenVsDiscSettings {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("sizes: give at least one size, each at least 1");
    }
  }

  static GenVsDiscSettings read(SettingValues v) {
    return new GenVsDiscSettings(v.positives("sizes"), v.whole("seed"));
  }

  @Override
  public Experiment experiment() {
    return Experiment.GEN_VS_DISC;
  }

  @Override
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sizes", SettingValues.join(sizes));
    m.put("seed", String.valueOf(seed));
    return m;
  }
}
