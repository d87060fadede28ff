package org.duetstudio.core.config;

/**
 * A number a generator reports with each training step: its key in the training events' {@code losses}
 * map and its name on a chart. {@link GeneratorKind#losses()} and {@link GeneratorKind#parts()} say which a
 * kind reports.
 */
public enum LossPart {
  LOSS("loss", "loss"),
  RECONSTRUCTION("reconstruction", "reconstruction"),
  KL("kl", "KL"),
  GENERATOR("generator", "generator"),
  DISCRIMINATOR("discriminator", "discriminator"),
  D_REAL("d_real", "D(real)"),
  D_FAKE("d_fake", "D(fake)"),
  NOISY("noisy", "loss at t ≥ 0.5 (mostly noise)"),
  CLEAN("clean", "loss at t < 0.5 (mostly image)"),
  AUTOENCODER("autoencoder", "the VAE's loss");

  private final String key;
  private final String displayName;

  LossPart(String key, String displayName) {
    this.key = key;
    this.displayName = displayName;
  }

  /** The key in {@code TrainingEvent.IterationDone.losses()}. */
  public String key() {
    return key;
  }

  public String displayName() {
    return displayName;
  }
}
