package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.SampleDiversity;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;

/** The class-conditional generators draw the class they are asked for; the DCGAN learns. */
class ConditionalGeneratorsTest {
  private static final TrainTestData DATA = SampleData.small(3000, 500);

  private static List<TrainingEvent> train(GeneratorJob job) throws Exception {
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    try (TrainingEngine engine = new TrainingEngine()) {
      TrainingEvent end = engine.start(job, events::add).completion().get(5, TimeUnit.MINUTES);
      assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    }
    return events;
  }

  private static ImageClassifier judge() {
    return Fit.classifier(
        ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(3),
        DATA.train(),
        Fit.Monitor.NONE);
  }

  @Test
  void conditionalVaeDrawsTheRequestedClass() throws Exception {
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(4).withConditional(true);
    GeneratorJob job = new GeneratorJob(spec, DATA);
    List<TrainingEvent> events = train(job);
    assertThat(job.model()).isInstanceOf(ConditionalGenerator.class).isInstanceOf(Autoencoder.class);
    ConditionalGenerator g = (ConditionalGenerator) job.model();
    // the grid has one class per column
    TrainingEvent.SamplesReady grid =
        events.stream()
            .filter(TrainingEvent.SamplesReady.class::isInstance)
            .map(TrainingEvent.SamplesReady.class::cast)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(grid.columns()).isEqualTo(10);
    assertThat(grid.images()).hasSize(80);
    LabelFidelity f = LabelFidelity.measure(g, judge(), 30, 5);
    assertThat(f.overall()).as("far above chance (0.1); 0.89 here").isGreaterThan(0.75);
    // ten sneakers: the classifier calls most of them sneakers, and they are not all the same image
    float[][] sneakers = g.sampleOf(7, 10, 9);
    assertThat(SampleDiversity.measure(List.of(sneakers))).isGreaterThan(0.5);
    assertThatThrownBy(() -> g.decode(new float[1][spec.latentDim()], new float[1][3]))
        .hasMessageContaining("10 class weights");
  }

  @Test
  void conditionalGanDrawsTheRequestedClassMoreOftenThanChance() throws Exception {
    // a GAN needs more steps than the VAE to start listening to the class (~750 here)
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.GAN).withEpochs(8).withConditional(true);
    GeneratorJob job = new GeneratorJob(spec, SampleData.small(6000, 500));
    train(job);
    ConditionalGenerator g = (ConditionalGenerator) job.model();
    LabelFidelity f = LabelFidelity.measure(g, judge(), 30, 5);
    assertThat(f.overall()).as("chance is 0.1; 0.82 here").isGreaterThan(0.6);
  }

  @Test
  void dcganLossesBehaveAndSamplesVary() throws Exception {
    TrainTestData small = SampleData.small(1280, 200);
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.DCGAN).withEpochs(2);
    GeneratorJob job = new GeneratorJob(spec, small);
    List<TrainingEvent> events = train(job);
    List<TrainingEvent.IterationDone> steps =
        events.stream()
            .filter(TrainingEvent.IterationDone.class::isInstance)
            .map(TrainingEvent.IterationDone.class::cast)
            .toList();
    assertThat(steps).hasSize(40);
    for (TrainingEvent.IterationDone s : steps) {
      assertThat(s.losses().get("discriminator")).isFinite().isPositive();
      assertThat(s.losses().get("d_fake")).isBetween(0.0, 1.0);
    }
    ImageGenerator g = job.model();
    float[][] samples = g.sample(32, 1);
    assertThat(samples[0]).hasSize(784);
    // varied, and already darker at the borders than in the middle, like the clothing images
    // real images score about 10; one image repeated scores 0 (8.6 here)
    assertThat(SampleDiversity.measure(List.of(samples))).isGreaterThan(4.0);
    double border = 0;
    double centre = 0;
    for (float[] s : samples) {
      border += s[0] + s[27] + s[28 * 27] + s[28 * 28 - 1];
      centre += s[14 * 28 + 14] + s[13 * 28 + 13] + s[14 * 28 + 13] + s[13 * 28 + 14];
    }
    assertThat(centre).isGreaterThan(border);
  }

  @Test
  void dcganRefusesImageSidesItCannotHalveTwice() {
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.DCGAN);
    assertThatThrownBy(() -> Models.generator(spec, new ImageShape(30, 30, 1), List.of("a", "b")))
        .hasMessageContaining("divide by 4");
  }
}
