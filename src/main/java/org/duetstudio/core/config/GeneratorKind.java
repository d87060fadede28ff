package org.duetstudio.core.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The generative models the studio trains. */
public enum GeneratorKind {
  VAE("vae", "Variational autoencoder (DL4J)"),
  GAN("gan", "GAN, fully connected (DL4J)"),
  DCGAN("dcgan", "DCGAN, convolutional (DL4J)"),
  DIFFUSION("diffusion", "Diffusion, flow matching (DL4J)"),
  LATENT_DIFFUSION("latent-diffusion", "Latent diffusion: a VAE + flow matching (DL4J)");

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
    return this == VAE || this == LATENT_DIFFUSION;
  }

  /** Whether it draws by walking from noise to an image in steps (diffusion, flow matching). */
  public boolean isDiffusion() {
    return this == DIFFUSION || this == LATENT_DIFFUSION;
  }

  /** What the model minimises, reported each step: the VAE's loss, a GAN's two players' losses. */
  public List<LossPart> losses() {
    return this == VAE || isDiffusion()
        ? List.of(LossPart.LOSS)
        : List.of(LossPart.GENERATOR, LossPart.DISCRIMINATOR);
  }

  /**
   * What else it reports each step: the VAE's two loss parts, a GAN's discriminator's mean scores on real
   * and generated images.
   */
  public List<LossPart> parts() {
    return switch (this) {
      case VAE -> List.of(LossPart.RECONSTRUCTION, LossPart.KL);
      case GAN, DCGAN -> List.of(LossPart.D_REAL, LossPart.D_FAKE);
      case DIFFUSION -> List.of(LossPart.NOISY, LossPart.CLEAN);
      case LATENT_DIFFUSION -> List.of(LossPart.AUTOENCODER);
    };
  }

  /** The spec fields this kind reads; the others keep their values but mean nothing to it. */
  public Set<String> settings() {
    Set<String> common =
        Set.of("kind", "conditional", "epochs", "batchSize", "learningRate", "hiddenUnits", "sampleIntervalSeconds", "seed");
    Set<String> s = new LinkedHashSet<>(common);
    if (isDiffusion()) {
      s.add("samplingSteps");
      s.add("guidance");
    }
    if (this != DIFFUSION) {
      s.add("latentDim");
    }
    return s;
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
