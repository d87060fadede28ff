package org.duetstudio.core.config;

import java.util.List;
import java.util.Locale;

/**
 * A ready-made pair of settings for both sides, with what it is for and how long it takes, said before it
 * starts.
 *
 * @param trainImages training images to use (0 = all)
 * @param minutes about how long both sides take together on a 2-core machine (measured on the sample)
 */
public record Preset(
    String name,
    String description,
    ClassifierSpec classifier,
    GeneratorSpec generator,
    int trainImages,
    double minutes) {

  /**
   * Both sides to a convincing state in under five minutes on 2 cores: a CNN (3 epochs, ≈ 87% on the
   * sample) beside a class-conditional VAE (10 epochs), so every judge view has something to show.
   */
  public static final Preset QUICK_DEMO =
      new Preset(
          "Quick demo",
          "A CNN (3 epochs) beside a class-conditional VAE (10 epochs) on the sample's 12,000 images:"
              + " the CNN reaches about 87% on the test images, the VAE draws clothing of every class"
              + " on request, and the judge fills every tab.",
          ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(3),
          GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(10).withConditional(true),
          0,
          1.5);

  /**
   * Longer: a CNN (5 epochs) beside a class-conditional DCGAN (10 epochs): sharper samples. The DCGAN
   * alone takes about 75 s an epoch on 2 cores; beside the CNN and a window drawing it, about twice that.
   */
  public static final Preset FULL_RUN =
      new Preset(
          "Full run",
          "A CNN (5 epochs) beside a class-conditional DCGAN (10 epochs) on all training images: the"
              + " sharpest samples the studio makes, and a CNN near 89%.",
          ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(5),
          GeneratorSpec.defaults(GeneratorKind.DCGAN).withEpochs(10).withConditional(true),
          0,
          30);

  /** A preset by its name or first word, case-insensitive ("quick", "full run"). */
  public static Preset named(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(n)
            || p.name().toLowerCase(Locale.ROOT).startsWith(n + " "))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown preset '" + name + "'; choose " + all().stream().map(Preset::name).toList()));
  }

  public static List<Preset> all() {
    return List.of(QUICK_DEMO, FULL_RUN);
  }

  /** What the user reads before it starts. */
  public String announcement() {
    return description
        + String.format(
            Locale.ROOT,
            " It takes about %s on a 2-core machine with the sample data (longer with more images).",
            minutes < 1.5 ? "a minute" : Math.round(minutes) + " minutes");
  }
}
