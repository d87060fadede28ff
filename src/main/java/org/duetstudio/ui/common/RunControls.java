package org.duetstudio.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.duetstudio.core.training.RunState;

/** Train, Pause/Resume, Step (one batch while paused) and Stop for one side, with its progress and status line. */
public final class RunControls extends HBox {
  private final Button train = new Button("Train");
  private final Button pause = new Button("Pause");
  private final Button step = new Button("Step");
  private final Button stop = new Button("Stop");

  /**
   * @param canTrain whether a run may start now (data loaded, back-end ready)
   * @param onTrain starts a run with the current settings
   */
  public RunControls(RunViewModel vm, ObservableBooleanValue canTrain, Runnable onTrain) {
    super(8);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("run-controls");
    train.getStyleClass().add("accent");
    train.setOnAction(e -> onTrain.run());
    train.disableProperty().bind(vm.activeProperty().or(Bindings.not(canTrain)));
    pause.setOnAction(e -> vm.togglePause());
    pause.disableProperty().bind(vm.activeProperty().not());
    pause.textProperty()
        .bind(
            Bindings.when(vm.stateProperty().isEqualTo(RunState.PAUSED))
                .then("Resume")
                .otherwise("Pause"));
    step.setOnAction(e -> vm.step());
    step.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
    step.setTooltip(new Tooltip("While paused: train exactly one batch and show what it changed"));
    stop.setOnAction(e -> vm.stop());
    stop.disableProperty().bind(vm.activeProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(vm.progressProperty());
    progress.setPrefWidth(80); // the status line beside it keeps the room (a side is 640 px at 1280×720)
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("run-status");
    Tooltip whole = new Tooltip();
    whole.textProperty().bind(vm.statusProperty()); // the whole line, should a narrow pane cut it short
    status.setTooltip(whole);
    getChildren().addAll(train, pause, step, stop, progress, status);
  }

  public Button trainButton() {
    return train;
  }

  public Button pauseButton() {
    return pause;
  }

  public Button stepButton() {
    return step;
  }

  public Button stopButton() {
    return stop;
  }
}
