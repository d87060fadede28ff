package org.duetstudio.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The generative models the studio trains. */
public enum GeneratorKind {
  VAE("vae", "Variational autoencoder (DL4J)"),
  GAN("gan", "GAN, fully connected (DL4J)"),
  DCGAN("dcgan", "DCGAN, convolutional (DL4J)");

  private final String id;
  private final String displayName;

  GeneratorKind(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether the model has an encoder (images → latent codes): the VAE does, GANs do not. */
  public boolean hasEncoder() {
    return this == VAE;
  }

  /** What the model minimises, reported each step: the VAE's loss, a GAN's two players' losses. */
  public List<LossPart> losses() {
    return this == VAE ? List.of(LossPart.LOSS) : List.of(LossPart.GENERATOR, LossPart.DISCRIMINATOR);
  }

  /**
   * What else it reports each step: the VAE's two loss parts, a GAN's discriminator's mean scores on real
   * and generated images.
   */
  public List<LossPart> parts() {
    return this == VAE
        ? List.of(LossPart.RECONSTRUCTION, LossPart.KL)
        : List.of(LossPart.D_REAL, LossPart.D_FAKE);
  }

  public static GeneratorKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT)) || k.name().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown generator '" + id + "'; choose one of "
                        + Arrays.stream(values()).map(GeneratorKind::id).toList()));
  }
}
