package org.duetstudio.core.eval;

import java.util.Locale;

/**
 * A GAN's health, read from what its training reports: whether its samples have collapsed onto a few
 * images (mode collapse), and whether the discriminator has won outright — it tells every generated image
 * from a real one, so the generator's gradient vanishes and training stalls or diverges.
 *
 * @param diversity the newest sample grid's variety as a share of real images' ({@link SampleDiversity})
 * @param dReal the discriminator's mean score on real images over the latest steps
 * @param dFake its mean score on generated images over the latest steps
 */
public record GanHealth(Verdict verdict, double diversity, double dReal, double dFake) {
  /** Below this share of real images' variety, the samples count as collapsed. */
  public static final double COLLAPSE_BELOW = 0.4;

  /** The discriminator has won when it scores generated images below this and real ones above {@link #WON_REAL}. */
  public static final double WON_FAKE = 0.03;

  public static final double WON_REAL = 0.8;

  public enum Verdict {
    LEARNING,
    COLLAPSED,
    DISCRIMINATOR_WON
  }

  /** Judges the latest figures; NaN figures are not held against the GAN. */
  public static GanHealth assess(double diversity, double dReal, double dFake) {
    Verdict v = Verdict.LEARNING;
    if (dFake < WON_FAKE && dReal > WON_REAL) {
      v = Verdict.DISCRIMINATOR_WON;
    } else if (diversity < COLLAPSE_BELOW) {
      v = Verdict.COLLAPSED;
    }
    return new GanHealth(v, diversity, dReal, dFake);
  }

  public boolean healthy() {
    return verdict == Verdict.LEARNING;
  }

  /** One sentence for the pane. */
  public String message() {
    return switch (verdict) {
      case LEARNING ->
          String.format(
              Locale.ROOT,
              "Learning: samples %.0f%% as varied as real images; the discriminator scores real %.2f,"
                  + " generated %.2f.",
              100 * diversity,
              dReal,
              dFake);
      case COLLAPSED ->
          String.format(
              Locale.ROOT,
              "Mode collapse: the samples are only %.0f%% as varied as real images — the generator"
                  + " has settled on a few images that fool the discriminator. Try another seed or a"
                  + " smaller learning rate.",
              100 * diversity);
      case DISCRIMINATOR_WON ->
          String.format(
              Locale.ROOT,
              "The discriminator has won: it scores generated images %.3f and real ones %.2f, so the"
                  + " generator gets almost no signal to learn from. Try a smaller discriminator"
                  + " (fewer hidden units) or a smaller learning rate.",
              dFake,
              dReal);
    };
  }
}
