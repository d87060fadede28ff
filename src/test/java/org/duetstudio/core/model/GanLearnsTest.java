package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;

class GanLearnsTest {
  @Test
  void samplesMoveTowardsTheDataAndStayVaried() throws Exception {
    TrainTestData data = SampleData.small(3000, 300);
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.GAN).withEpochs(5);
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    GeneratorJob job = new GeneratorJob(spec, data);
    float[][] before;
    try (TrainingEngine engine = new TrainingEngine()) {
      var run = engine.start(job, events::add);
      TrainingEvent end = run.completion().get(5, TimeUnit.MINUTES);
      assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    }
    // the grid drawn before the first step is the untrained generator's
    before =
        events.stream()
            .filter(TrainingEvent.SamplesReady.class::isInstance)
            .map(TrainingEvent.SamplesReady.class::cast)
            .findFirst()
            .orElseThrow()
            .images()
            .toArray(float[][]::new);
    List<TrainingEvent.IterationDone> steps =
        events.stream()
            .filter(TrainingEvent.IterationDone.class::isInstance)
            .map(TrainingEvent.IterationDone.class::cast)
            .toList();
    assertThat(steps).hasSize(5 * 47);
    for (TrainingEvent.IterationDone s : steps) {
      assertThat(s.losses()).containsKeys("generator", "discriminator", "d_real", "d_fake");
      assertThat(s.losses().get("d_real")).isBetween(0.0, 1.0);
    }
    ImageGenerator gan = job.model();
    assertThat(gan).isNotInstanceOf(Autoencoder.class);
    float[][] after = gan.sample(64, spec.seed());
    float[] mean = meanImage(data.train());
    // the untrained generator paints grey everywhere; after training its average image nears the data's
    assertThat(distance(meanOf(after), mean)).isLessThan(0.7 * distance(meanOf(before), mean));
    // neither side has won outright: the discriminator still rates generated images above zero
    double lateFake =
        steps.subList(steps.size() - 20, steps.size()).stream()
            .mapToDouble(s -> s.losses().get("d_fake"))
            .average()
            .orElseThrow();
    assertThat(lateFake).isBetween(0.05, 0.95);
    assertThat(meanPixelStd(after)).as("not collapsed to one image").isGreaterThan(0.05);
    for (float[] s : after) {
      for (float v : s) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  private static float[] meanImage(ImageDataset d) {
    float[][] rows = new float[d.size()][];
    for (int i = 0; i < d.size(); i++) {
      rows[i] = d.image(i);
    }
    return meanOf(rows);
  }

  private static float[] meanOf(float[][] rows) {
    float[] m = new float[rows[0].length];
    for (float[] r : rows) {
      for (int j = 0; j < m.length; j++) {
        m[j] += r[j] / rows.length;
      }
    }
    return m;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double meanPixelStd(float[][] imgs) {
    float[] mean = meanOf(imgs);
    double total = 0;
    for (int j = 0; j < mean.length; j++) {
      double var = 0;
      for (float[] img : imgs) {
        var += (img[j] - mean[j]) * (img[j] - mean[j]);
      }
      total += Math.sqrt(var / imgs.length);
    }
    return total / mean.length;
  }
}
