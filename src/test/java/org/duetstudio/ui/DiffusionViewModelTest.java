package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingRun;
import org.duetstudio.ui.common.SameThreadTasks;
import org.duetstudio.ui.generator.DenoisingViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;
import org.junit.jupiter.api.Test;

/** A finished diffusion model in the window: its walk from noise to picture, its sliders, its prompt. */
class DiffusionViewModelTest {
  @Test
  void theWalkRedrawsTheSameNoiseAndAPromptDrawsWhatItSays() throws Exception {
    TrainTestData data = SampleData.small(1500, 200);
    try (TrainingEngine engine = new TrainingEngine()) {
      TrainingRun[] run = new TrainingRun[1];
      GeneratorViewModel vm =
          new GeneratorViewModel(
              (job, l) -> run[0] = engine.start(job, l),
              sink -> e -> sink.accept(List.of(e)),
              new SameThreadTasks());
      vm.kindProperty().set(GeneratorKind.LATENT_DIFFUSION);
      vm.specProperty().set(GeneratorSpec.defaults(GeneratorKind.LATENT_DIFFUSION).withEpochs(2));
      vm.train(data);
      run[0].completion().get(5, TimeUnit.MINUTES);
      assertThat(vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);

      DenoisingViewModel d = vm.denoising();
      DenoisingViewModel.Path first = d.pathProperty().get();
      assertThat(first).as("drawn once training ends").isNotNull();
      assertThat(first.frames()).hasSizeBetween(3, DenoisingViewModel.FRAMES + 2);
      assertThat(first.stepOfFrame()).hasSize(first.frames().size());
      assertThat(first.frames().get(0)).hasSize(DenoisingViewModel.SAMPLES);
      assertThat(first.stepOfFrame()).startsWith(0).endsWith(first.steps());
      // the same noise: the first frame is the same noise whatever the guidance, the last is not
      d.guidanceProperty().set(0);
      d.redraw();
      DenoisingViewModel.Path unguided = d.pathProperty().get();
      assertThat(unguided.frames().get(0).get(0)).containsExactly(first.frames().get(0).get(0));
      assertThat(unguided.frames().getLast().get(0)).isNotEqualTo(first.frames().getLast().get(0));
      d.stepsProperty().set(4);
      d.redraw();
      assertThat(d.pathProperty().get().frames()).as("noise and every step").hasSize(5);

      vm.trained().prompt("two bags");
      assertThat(vm.trained().orderedProperty().get()).hasSize(2);
      assertThat(vm.trained().statusProperty().get()).contains("2 × Bag");
      vm.trained().prompt("a giraffe");
      assertThat(vm.trained().statusProperty().get()).contains("names none of the classes").contains("sneaker");
    }
  }
}
