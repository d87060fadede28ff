package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.junit.jupiter.api.Test;

/**
 * A closed model has freed its native arrays: every use after it fails with one clear {@link
 * IllegalStateException} (not a native crash), closing twice does nothing, and a close from another thread
 * waits for the use under way.
 */
class ClosedModelsTest {
  private static final String CLOSED = "This model has been closed";

  private static void trainSteps(Trainable model, TrainTestData data, int steps) {
    Trainer t = model.trainer(data.train());
    t.startEpoch(1);
    for (int i = 0; i < steps; i++) {
      t.step();
    }
  }

  @Test
  void aClosedClassifierRefusesEveryUseWithOneSentence() {
    TrainTestData data = SampleData.small(200, 50);
    ImageClassifier mlp =
        Models.classifier(ClassifierSpec.defaults(ClassifierKind.MLP), data.shape(), data.train().classNames());
    trainSteps(mlp, data, 2);
    assertThat(mlp.predictProbabilities(data.test())).hasNumberOfRows(50);
    ModelState state = ((Persistent) mlp).state();

    mlp.close();
    assertThatCode(mlp::close).as("closing twice").doesNotThrowAnyException();

    assertThatThrownBy(() -> mlp.predictProbabilities(data.test()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(CLOSED);
    assertThatThrownBy(() -> trainSteps(mlp, data, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ((Persistent) mlp).state()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ((Persistent) mlp).restore(state)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ((FeatureExtractor) mlp).features(data.test()))
        .isInstanceOf(IllegalStateException.class);

    // a model without native memory (Smile) has nothing to free and goes on working
    ImageClassifier logreg =
        Models.classifier(
            ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION), data.shape(), data.train().classNames());
    trainSteps(logreg, data, 1);
    logreg.close();
    assertThat(logreg.predictProbabilities(data.test())).hasNumberOfRows(50);
  }

  @Test
  void closedGeneratorsRefuseEveryUse() {
    TrainTestData data = SampleData.small(200, 50);
    List<String> names = data.train().classNames();
    for (GeneratorSpec spec :
        List.of(
            GeneratorSpec.defaults(GeneratorKind.VAE),
            GeneratorSpec.defaults(GeneratorKind.GAN).withConditional(true),
            GeneratorSpec.defaults(GeneratorKind.LATENT_DIFFUSION).withSamplingSteps(2))) {
      ImageGenerator g = Models.generator(spec, data.shape(), names);
      trainSteps(g, data, 1);
      float[][] z = g.samplePrior(4, 1);
      assertThat(g.decode(z)).as(g.name()).hasNumberOfRows(4);
      g.close();
      g.close();
      assertThatThrownBy(() -> g.decode(z))
          .as(g.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(CLOSED);
      assertThatThrownBy(() -> g.evaluateLoss(data.test(), 1)).as(g.name()).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> ((Persistent) g).checkpoint()).as(g.name()).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aCloseFromAnotherThreadNeverFreesArraysUnderAUse() throws Exception {
    TrainTestData data = SampleData.small(200, 50);
    ImageGenerator vae =
        Models.generator(GeneratorSpec.defaults(GeneratorKind.VAE), data.shape(), data.train().classNames());
    float[][] z = vae.samplePrior(2000, 3);
    assertThat(vae.decode(z)).hasNumberOfRows(2000); // warm
    // decodes on this thread while another closes: each either completes in full or is refused; none
    // reads freed memory (which would crash the JVM or give garbage)
    CountDownLatch decoding = new CountDownLatch(1);
    CompletableFuture<Void> closer =
        CompletableFuture.runAsync(
            () -> {
              try {
                decoding.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              vae.close();
            });
    int refused = 0;
    for (int i = 0; i < 500 && refused == 0; i++) {
      decoding.countDown();
      try {
        float[][] images = vae.decode(z);
        assertThat(images).hasNumberOfRows(2000);
        for (float v : images[1999]) {
          assertThat(v).isBetween(0f, 1f);
        }
      } catch (IllegalStateException e) {
        assertThat(e).hasMessageStartingWith(CLOSED);
        refused++;
      }
    }
    closer.get(30, TimeUnit.SECONDS);
    assertThat(refused).as("refused once closed").isEqualTo(1);
  }
}
