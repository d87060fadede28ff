package org.duetstudio.ui.generator;

import java.util.List;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.LossPart;
import org.duetstudio.core.training.Metrics;

/**
 * How a kind of generator is drawn: the two charts' titles, the parts each plots (as the kind declares
 * them) and the per-epoch test metric of the loss chart (null for none).
 */
public record GeneratorPlot(
    String lossTitle,
    List<LossPart> loss,
    String partsTitle,
    String partsAxis,
    List<LossPart> parts,
    String testMetric) {
  static GeneratorPlot of(GeneratorKind kind) {
    return switch (kind) {
      case VAE ->
          new GeneratorPlot(
              "Loss (negative ELBO), nats per image",
              kind.losses(),
              "Loss parts",
              "nats per image",
              kind.parts(),
              Metrics.TEST_PREFIX + "loss");
      case DIFFUSION ->
          new GeneratorPlot(
              "Loss (mean squared error of the velocity)",
              kind.losses(),
              "Loss by how noisy the image was",
              "mean squared error",
              kind.parts(),
              Metrics.TEST_PREFIX + "loss");
      case LATENT_DIFFUSION ->
          new GeneratorPlot(
              "Denoiser loss (on the VAE's codes)",
              kind.losses(),
              "The VAE's loss (negative ELBO)",
              "nats per image",
              kind.parts(),
              Metrics.TEST_PREFIX + "loss");
      case GAN, DCGAN ->
          new GeneratorPlot(
              "Generator and discriminator losses",
              kind.losses(),
              "Discriminator's mean score (1 = \"real\")",
              "probability",
              kind.parts(),
              null);
    };
  }
}
