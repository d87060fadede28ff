package org.duetstudio.core.training;

/** Names of the per-epoch metrics, shared by the engine, the command line, reports and the window. */
public final class Metrics {
  public static final String TRAIN_LOSS = "train_loss";
  public static final String TRAIN_ACCURACY = "train_accuracy";
  public static final String TEST_LOSS = "test_loss";
  public static final String TEST_ACCURACY = "test_accuracy";
  /** Prefix of a generator's training loss parts: "train_reconstruction", "train_kl". */
  public static final String TRAIN_PREFIX = "train_";
  /** Prefix of a generator's held-out loss parts: "test_reconstruction", "test_kl". */
  public static final String TEST_PREFIX = "test_";

  private Metrics() {}
}
