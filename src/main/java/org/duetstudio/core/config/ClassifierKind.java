package org.duetstudio.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** The classifiers the studio trains. */
public enum ClassifierKind {
  LOGISTIC_REGRESSION("logreg", "Logistic regression (Smile)", Holder.GRADIENT),
  NAIVE_BAYES("nb", "Gaussian naive Bayes (Smile)", Set.of("batchSize", "seed")),
  RANDOM_FOREST("rf", "Random forest (Smile)", Set.of("trees", "seed")),
  MLP("mlp", "Multilayer perceptron (DL4J)", Holder.GRADIENT),
  CNN("cnn", "Convolutional network, LeNet-like (DL4J)", Holder.GRADIENT);

  private final String id;
  private final String displayName;
  private final Set<String> settings;

  ClassifierKind(String id, String displayName, Set<String> settings) {
    this.id = id;
    this.displayName = displayName;
    this.settings = settings;
  }

  private static final class Holder {
    static final Set<String> GRADIENT = Set.of("epochs", "batchSize", "learningRate", "l2", "seed");
  }

  /** The spec fields this kind reads; the others keep their values but mean nothing to it. */
  public Set<String> settings() {
    return settings;
  }

  /** The short name used on the command line and in files. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static ClassifierKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT)) || k.name().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown classifier '" + id + "'; choose one of "
                        + Arrays.stream(values()).map(ClassifierKind::id).toList()));
  }
}
