package org.duetstudio.ui.shell;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.studio.ClassifierRun;
import org.duetstudio.core.studio.GeneratorRun;
import org.duetstudio.core.studio.RecordedData;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.curves.XAxis;
import org.duetstudio.ui.dataset.DatasetViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The whole studio: the data, both sides, the judge, the shared clock of the curves, and "both" commands.
 * What the two sides have finished is one {@link RunPair} ({@link #currentPair()}), the structure sessions,
 * reports and the command line share; {@link #show} puts a pair (a session's, an autosave's) on screen.
 */
public final class StudioViewModel {
  /** Why a session or a run folder is not opened while a side trains. */
  public static final String OPEN_WHILE_TRAINING =
      "Stop training first: opening a session replaces both sides.";

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

  /** A pair cannot be had now; the message says why, in one sentence for the user. */
  public static final class NoPair extends Exception {
    private static final long serialVersionUID = 1L;

    NoPair(String message) {
      super(message);
    }
  }

  /**
   * What both sides have finished, with what the judge has found so far: the pair a session saves and a
   * report prints.
   */
  public RunPair currentPair() throws NoPair {
    if (anyActive.get()) {
      throw new NoPair("Stop training first: a session and a report keep finished runs.");
    }
    ClassifierRun c = classifier.finishedRun();
    GeneratorRun g = generator.finishedRun();
    if (c == null && g == null) {
      throw new NoPair("Nothing to keep yet: train a classifier or a generator first.");
    }
    TrainTestData cData = classifier.runData();
    TrainTestData gData = generator.runData();
    if (c != null
        && g != null
        && (!cData.train().fingerprint().equals(gData.train().fingerprint())
            || !cData.test().fingerprint().equals(gData.test().fingerprint()))) {
      throw new NoPair(
          "The two sides trained on different images; train both on the same data to keep them"
              + " together.");
    }
    return new RunPair(
        c != null ? cData : gData, c, g, judge.findingsProperty().get(), judge.confidenceRows());
  }

  /**
   * Shows {@code pair} (opened from a session or an autosave) as it was: the data it trained on, both
   * sides' settings, curves, answers and models. Refused while a side trains.
   */
  public void show(RunPair pair, RecordedData data) {
    if (anyActive.get()) {
      throw new IllegalStateException(OPEN_WHILE_TRAINING);
    }
    dataset.show(data.source(), data.whole());
    dataset.trainLimitProperty().set(
        data.used().train().size() == data.whole().train().size() ? 0 : data.used().train().size());
    dataset.testLimitProperty().set(
        data.used().test().size() == data.whole().test().size() ? 0 : data.used().test().size());
    if (pair.classifier() != null) {
      ClassifierRun c = pair.classifier();
      classifier.restore(c.spec(), pair.data(), c.model(), c.events());
    }
    if (pair.generator() != null) {
      GeneratorRun g = pair.generator();
      generator.restore(g.spec(), pair.data(), g.model(), g.events());
    }
    if (!pair.judgeConfidence().isEmpty()) {
      judge.restoreConfidence(pair.judgeConfidence());
    }
  }

  /** Takes a preset's settings on both sides (and its training and test image counts); does not start training. */
  public void applyPreset(Preset p) {
    classifier.kindProperty().set(p.classifier().kind());
    classifier.specProperty().set(p.classifier());
    generator.kindProperty().set(p.generator().kind());
    generator.specProperty().set(p.generator());
    dataset.trainLimitProperty().set(p.trainImages());
    dataset.testLimitProperty().set(p.testImages());
  }

  /** What {@code p} says before it starts, for the data loaded now (its images and time). */
  public String announcement(Preset p) {
    TrainTestData d = dataset.dataProperty().get();
    return d == null ? p.announcement() : p.announcement(d.train().size());
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
        Arrays.asList(classifier.stateProperty().get(), generator.stateProperty().get()).stream()
            .anyMatch(s -> s == RunState.RUNNING || s == RunState.STARTING);
    if (anyRunning) {
      classifier.pause();
      generator.pause();
    } else {
      classifier.resume();
      generator.resume();
    }
  }

  /**
   * Closes both sides' models (the window is closing): on the lane for trained models, after what is
   * queued there (a session being saved). Stop training first.
   */
  public void closeModels() {
    classifier.closeModel();
    generator.closeModel();
  }

  public void stopBoth() {
    classifier.stop();
    generator.stop();
  }
}
