package org.duetstudio.core.config;

import java.util.Arrays;
import java.util.Locale;

/** The discriminative models the studio trains. */
public enum ClassifierKind {
  LOGISTIC_REGRESSION("logreg", "Logistic regression (Smile)"),
  MLP("mlp", "Multilayer perceptron (DL4J)"),
  CNN("cnn", "Convolutional network, LeNet-like (DL4J)");

  private final String id;
  private final String displayName;

  ClassifierKind(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
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
