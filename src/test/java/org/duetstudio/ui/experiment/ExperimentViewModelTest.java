package org.duetstudio.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.Setting;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.UiThread;
import org.junit.jupiter.api.Test;

/** An experiment's view model without a window: its settings, and why a run does not start. */
class ExperimentViewModelTest {
  private static ExperimentViewModel vm(Experiment e) {
    return new ExperimentViewModel(
        e, BackgroundTasks.sameThread(), BackgroundTasks.sameThread(), UiThread.sameThread(), () -> null);
  }

  @Test
  void theSettingsStartAtTheRegistrysDefaultsAndLeaveOutAGeneratorTheWindowDoesNotTrain() {
    ExperimentViewModel synthetic = vm(Experiment.SYNTHETIC);
    assertThat(synthetic.settings())
        .extracting(Setting::key)
        .containsExactly("real", "extra", "classifier", "seed");
    assertThat(synthetic.setting("real").get())
        .isEqualTo(Experiment.SYNTHETIC.defaults().values().get("real"));
    assertThat(vm(Experiment.FEW_LABELS).settings()).extracting(Setting::key).contains("generator-epochs");
  }

  @Test
  void aRunThatCannotStartSaysWhy() {
    ExperimentViewModel genVsDisc = vm(Experiment.GEN_VS_DISC);
    genVsDisc.start(null);
    assertThat(genVsDisc.statusProperty().get()).isEqualTo(ExperimentViewModel.NO_DATA);
    genVsDisc.setting("sizes").set("20,lots");
    genVsDisc.start(SampleData.small(100, 50));
    assertThat(genVsDisc.statusProperty().get()).startsWith("Check the settings: sizes");
    assertThat(genVsDisc.lastRunProperty().get()).isNull();

    ExperimentViewModel synthetic = vm(Experiment.SYNTHETIC);
    synthetic.start(SampleData.small(100, 50));
    assertThat(synthetic.statusProperty().get()).contains("class-conditional");
    assertThat(synthetic.runningProperty().get()).isFalse();
  }
}
