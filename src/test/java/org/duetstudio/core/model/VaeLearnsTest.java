package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.Metrics;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;

class VaeLearnsTest {
  @Test
  void lossFallsSamplesVaryAndReconstructionsResembleTheirOriginals() throws Exception {
    TrainTestData data = SampleData.small(3000, 300);
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(3);
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    GeneratorJob job = new GeneratorJob(spec, data);
    try (TrainingEngine engine = new TrainingEngine()) {
      TrainingEvent end = engine.start(job, events::add).completion().get(5, TimeUnit.MINUTES);
      assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    }
    List<TrainingEvent.EpochDone> eps =
        events.stream().filter(TrainingEvent.EpochDone.class::isInstance)
            .map(TrainingEvent.EpochDone.class::cast).toList();
    double first = eps.get(0).metrics().get(Metrics.TEST_PREFIX + "loss");
    double last = eps.get(2).metrics().get(Metrics.TEST_PREFIX + "loss");
    assertThat(last).isLessThan(first);
    // the ELBO parts add up, and KL is a divergence (never negative)
    var m = eps.get(2).metrics();
    assertThat(m.get("test_reconstruction") + m.get("test_kl"))
        .isCloseTo(m.get("test_loss"), Offset.offset(1e-3));
    assertThat(m.get("test_kl")).isPositive();
    // an untrained decoder gives ~0.5 everywhere: ~543 nats per 784 pixels; learning goes far below
    assertThat(last).isLessThan(350);

    List<TrainingEvent.SamplesReady> grids =
        events.stream().filter(TrainingEvent.SamplesReady.class::isInstance)
            .map(TrainingEvent.SamplesReady.class::cast).toList();
    assertThat(grids.size()).isGreaterThanOrEqualTo(4); // before training and after each epoch
    assertThat(grids.get(0).images()).hasSize(GeneratorJob.GRID_SIZE);

    Autoencoder vae = (Autoencoder) job.model();
    float[][] samples = vae.sample(32, 3);
    assertThat(samples[0]).hasSize(784);
    assertThat(meanPixelStd(samples)).as("samples are not all alike").isGreaterThan(0.05);
    for (float[] s : samples) {
      for (float v : s) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
    var originals = data.test().head(50);
    float[][] recon = vae.reconstruct(originals);
    double own = 0;
    double shuffled = 0;
    for (int i = 0; i < 50; i++) {
      own += dist(originals.image(i), recon[i]);
      shuffled += dist(originals.image(i), recon[(i + 17) % 50]);
    }
    assertThat(own).isLessThan(0.6 * shuffled);
    assertThat(vae.encode(originals.head(4))[0]).hasSize(spec.latentDim());
  }

  private static double meanPixelStd(float[][] imgs) {
    int d = imgs[0].length;
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (float[] img : imgs) {
        mean += img[j];
      }
      mean /= imgs.length;
      double var = 0;
      for (float[] img : imgs) {
        var += (img[j] - mean) * (img[j] - mean);
      }
      total += Math.sqrt(var / imgs.length);
    }
    return total / d;
  }

  private static double dist(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
