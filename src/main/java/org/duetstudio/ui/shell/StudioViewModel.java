package org.duetstudio.ui.shell;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.curves.XAxis;
import org.duetstudio.ui.dataset.DatasetViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;

/** The whole studio: the data, both sides, the shared clock of the curves, and "both" commands. */
public final class StudioViewModel {
  private final DatasetViewModel dataset;
  private final ClassifierViewModel classifier;
  private final GeneratorViewModel generator;
  private final JudgeViewModel judge;
  private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.EPOCHS);
  private final ReadOnlyBooleanWrapper backendReady = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("Loading native libraries…");
  private final BooleanBinding canTrain;
  private final BooleanBinding anyActive;

  public StudioViewModel(
      DatasetViewModel dataset,
      ClassifierViewModel classifier,
      GeneratorViewModel generator,
      JudgeViewModel judge) {
    this.dataset = dataset;
    this.classifier = classifier;
    this.generator = generator;
    this.judge = judge;
    this.canTrain =
        Bindings.createBooleanBinding(
            () ->
                backendReady.get()
                    && !dataset.loadingProperty().get()
                    && dataset.trainingDataProperty().get() != null,
            backendReady,
            dataset.loadingProperty(),
            dataset.trainingDataProperty());
    this.anyActive = classifier.activeProperty().or(generator.activeProperty());
  }

  private BackgroundTasks tasks = BackgroundTasks.sameThread();
  private BackgroundTasks modelWork = BackgroundTasks.sameThread();

  /** The executors the experiments use: background work, and the lane for work on trained models. */
  public void useTasks(BackgroundTasks tasks, BackgroundTasks modelWork) {
    this.tasks = tasks;
    this.modelWork = modelWork;
  }

  public BackgroundTasks tasks() {
    return tasks;
  }

  public BackgroundTasks modelWork() {
    return modelWork;
  }

  /** Takes a preset's settings on both sides (and its training-set size); does not start training. */
  public void applyPreset(org.duetstudio.core.config.Preset p) {
    classifier.kindProperty().set(p.classifier().kind());
    classifier.specProperty().set(p.classifier());
    generator.kindProperty().set(p.generator().kind());
    generator.specProperty().set(p.generator());
    dataset.trainLimitProperty().set(p.trainImages());
  }

  public DatasetViewModel dataset() {
    return dataset;
  }

  public ClassifierViewModel classifier() {
    return classifier;
  }

  public GeneratorViewModel generator() {
    return generator;
  }

  public JudgeViewModel judge() {
    return judge;
  }

  /** The clock both panes' curves use. */
  public ObjectProperty<XAxis> xAxisProperty() {
    return xAxis;
  }

  /** True once ND4J's native libraries have loaded (in the background, at start). */
  public ReadOnlyBooleanProperty backendReadyProperty() {
    return backendReady.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty backendProperty() {
    return backend.getReadOnlyProperty();
  }

  public void backendLoaded(String description) {
    backend.set(description);
    backendReady.set(true);
  }

  public void backendFailed(String message) {
    backend.set("Native libraries failed to load: " + message);
    backendReady.set(false);
  }

  /** True when data is loaded and the back-end is ready. */
  public BooleanBinding canTrainProperty() {
    return canTrain;
  }

  public BooleanBinding anyActiveProperty() {
    return anyActive;
  }

  /** Starts both sides on the same data (a side already training is left alone). */
  public void trainBoth() {
    TrainTestData data = dataset.trainingDataProperty().get();
    if (!canTrain.get() || data == null) {
      return;
    }
    if (!classifier.isActive()) {
      classifier.train(data);
    }
    if (!generator.isActive()) {
      generator.train(data);
    }
  }

  /** Pauses both if either runs; else resumes both. */
  public void togglePauseBoth() {
    boolean anyRunning =
        isRunning(classifier.stateProperty().get()) || isRunning(generator.stateProperty().get());
    if (anyRunning) {
      classifier.pause();
      generator.pause();
    } else {
      classifier.resume();
      generator.resume();
    }
  }

  private static boolean isRunning(RunState s) {
    return s == RunState.RUNNING || s == RunState.STARTING;
  }

  public void stopBoth() {
    classifier.stop();
    generator.stop();
  }
}
