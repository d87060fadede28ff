package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;

/** Flow matching's arithmetic, its sampler, classifier-free guidance, and a small model that learns. */
class DiffusionTest {
  @Test
  void theLineRunsFromTheImageToTheNoise() {
    assertThat(FlowMatching.point(0.8f, -1.5f, 0f)).isEqualTo(0.8f);
    assertThat(FlowMatching.point(0.8f, -1.5f, 1f)).isEqualTo(-1.5f);
    assertThat(FlowMatching.point(0.8f, -1.5f, 0.5f)).isCloseTo(-0.35f, within(1e-6f));
    // the velocity is the line's slope: a step along it from t = 0.25 to 0.75 moves half of it
    float v = FlowMatching.velocity(0.8f, -1.5f);
    assertThat(FlowMatching.point(0.8f, -1.5f, 0.25f) + 0.5f * v)
        .isCloseTo(FlowMatching.point(0.8f, -1.5f, 0.75f), within(1e-6f));
  }

  @Test
  void theSamplerOnAKnownDenoiserLandsOnItsImage() {
    // data that is one image: the exact velocity at x_t is (x_t − x*) / t, and Euler steps along a
    // straight line are exact, so any noise ends on x* whatever the number of steps
    float[] target = {0.5f, -0.25f, 1f};
    FlowMatching.Field exact =
        (x, t) -> {
          float[][] v = new float[x.length][target.length];
          for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < target.length; j++) {
              v[i][j] = (float) ((x[i][j] - target[j]) / t);
            }
          }
          return v;
        };
    float[][] noise = {{1.3f, -0.7f, 0.2f}, {-2f, 0.4f, 1.1f}};
    for (int steps : new int[] {1, 4, 25}) {
      List<float[][]> path = FlowMatching.sample(noise, steps, 1, exact);
      assertThat(path).hasSize(steps + 1);
      assertThat(path.get(0)[1]).containsExactly(noise[1]);
      for (float[] img : path.get(steps)) {
        assertThat(img).containsExactly(target, within(1e-5f));
      }
    }
    assertThat(noise[0][0]).as("the noise is not changed").isEqualTo(1.3f);
    assertThat(FlowMatching.guided(new float[] {1, 2}, new float[] {3, 0}, 0)).containsExactly(1, 2);
    assertThat(FlowMatching.guided(new float[] {1, 2}, new float[] {3, 0}, 1)).containsExactly(3, 0);
    assertThat(FlowMatching.guided(new float[] {1, 2}, new float[] {3, 0}, 2)).containsExactly(5, -2);
  }

  @Test
  void guidanceZeroIsTheUnconditionalPath() {
    TrainTestData data = SampleData.small(200, 50);
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.DIFFUSION).withConditional(true);
    Denoiser d = (Denoiser) Models.generator(spec, data.shape(), data.train().classNames());
    float[][] noise = d.samplePrior(3, 7);
    float[][] sneakers = ConditionalGenerator.oneHot(new int[] {7, 7, 7}, 10);
    float[][] unconditional = d.path(noise, null, 3, 4, 0).get(0);
    assertThat(d.path(noise, sneakers, 0, 4, 0).get(0)).isDeepEqualTo(unconditional);
    assertThat(d.path(noise, sneakers, 2, 4, 0).get(0)).isNotEqualTo(unconditional);
    assertThat(d.path(noise, sneakers, 1, 4, 2)).as("noise, step 2, step 4").hasSize(3);
  }

  private static List<TrainingEvent> train(GeneratorJob job) throws Exception {
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    try (TrainingEngine engine = new TrainingEngine()) {
      TrainingEvent end = engine.start(job, events::add).completion().get(10, TimeUnit.MINUTES);
      assertThat(end).as(end.toString()).isInstanceOf(TrainingEvent.Finished.class);
    }
    return events;
  }

  private static List<Map<String, Double>> epochMetrics(List<TrainingEvent> events) {
    return events.stream()
        .filter(TrainingEvent.EpochDone.class::isInstance)
        .map(e -> ((TrainingEvent.EpochDone) e).metrics())
        .toList();
  }

  @Test
  void pixelDiffusionLearnsAndComesBackFromItsState() throws Exception {
    TrainTestData data = SampleData.small(1200, 200);
    GeneratorSpec spec =
        GeneratorSpec.defaults(GeneratorKind.DIFFUSION).withEpochs(2).withSamplingSteps(4);
    GeneratorJob job = new GeneratorJob(spec, data);
    List<Map<String, Double>> epochs = epochMetrics(train(job));
    assertThat(epochs.get(1).get("test_loss")).as("held-out loss falls").isLessThan(epochs.get(0).get("test_loss"));
    assertThat(epochs.get(1)).containsKeys("train_noisy", "train_clean");
    // a fresh model given the trained one's state draws the very same images
    Persistent trained = (Persistent) job.model();
    ImageGenerator again = Models.generator(spec, data.shape(), data.train().classNames());
    ((Persistent) again).restore(trained.state());
    assertThat(again.sample(3, 11)).isDeepEqualTo(job.model().sample(3, 11));
  }

  @Test
  void pixelDiffusionDrawsTheClassAskedFor() throws Exception {
    double f = fidelityAfterTraining(GeneratorSpec.defaults(GeneratorKind.DIFFUSION).withEpochs(5), null);
    assertThat(f).as("well above chance (0.1); about 0.37 here").isGreaterThan(0.25);
  }

  @Test
  void latentDiffusionDrawsTheClassAskedFor() throws Exception {
    double f =
        fidelityAfterTraining(
            GeneratorSpec.defaults(GeneratorKind.LATENT_DIFFUSION).withEpochs(4),
            m -> assertThat(m).isInstanceOf(ConditionalGenerator.class).isInstanceOf(Autoencoder.class));
    assertThat(f).as("far above chance (0.1); about 0.75 here").isGreaterThan(0.5);
  }

  /**
   * Trains {@code spec} on 3,000 sample images (its held-out loss must fall), lets {@code check} look at
   * the model (if given), and returns its label fidelity through a logistic regression.
   */
  private static double fidelityAfterTraining(GeneratorSpec spec, Consumer<ImageGenerator> check)
      throws Exception {
    TrainTestData data = SampleData.small(3000, 300);
    GeneratorJob job = new GeneratorJob(spec, data);
    List<Map<String, Double>> epochs = epochMetrics(train(job));
    assertThat(epochs.getLast().get("test_loss")).isLessThan(epochs.getFirst().get("test_loss"));
    if (check != null) {
      check.accept(job.model());
    }
    try (ImageClassifier judge =
        Fit.classifier(
            ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(3),
            data.train(),
            Fit.Monitor.NONE)) {
      return LabelFidelity.measure((ConditionalGenerator) job.model(), judge, 20, 3).overall();
    }
  }
}
