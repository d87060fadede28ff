package org.duetstudio.ui.experiment;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TabPane;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.common.UiThread;
import org.duetstudio.ui.generator.GeneratorViewModel;

/** The experiments of the registry, a tab each ({@link ExperimentTab}), in the registry's order. */
public final class ExperimentsPane extends TabPane {
  private final Map<Experiment, ExperimentViewModel> models = new EnumMap<>(Experiment.class);
  private final Map<Experiment, ExperimentTab> tabs = new EnumMap<>(Experiment.class);

  /**
   * @param data the studio's training data (with its limits)
   * @param generator the generator pane, whose finished conditional model an experiment that uses a
   *     generator draws on
   * @param tasks runs the experiments
   * @param modelWork the lane for work on trained models (drawing the generated images)
   */
  public ExperimentsPane(
      ObservableValue<TrainTestData> data,
      GeneratorViewModel generator,
      BackgroundTasks tasks,
      BackgroundTasks modelWork) {
    Supplier<ConditionalGenerator> trained =
        () ->
            generator.model() instanceof ConditionalGenerator g
                    && generator.stateProperty().get() == RunState.COMPLETED
                ? g
                : null;
    getStyleClass().add("experiments-pane");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    for (Experiment e : Experiment.values()) {
      ExperimentViewModel vm = new ExperimentViewModel(e, tasks, modelWork, UiThread.fx(), trained);
      ExperimentTab tab = new ExperimentTab(vm, data::getValue);
      models.put(e, vm);
      tabs.put(e, tab);
      getTabs().add(SidePanes.tab(e.title(), tab));
    }
  }

  /** Presses Run on the experiment with id {@code id} (e.g. gen-vs-disc) and shows its tab. */
  public void start(String id) {
    Experiment e = Experiment.fromId(id);
    getSelectionModel().select(e.ordinal());
    tabs.get(e).fireRun();
  }

  public ExperimentViewModel viewModel(Experiment e) {
    return models.get(e);
  }
}
