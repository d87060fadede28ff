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

  private org.duetstudio.core.store.RecentItems recent =
      new org.duetstudio.core.store.RecentItems(
          java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "duet-recent-unused.json"));

  /** Where recent sessions and data sets are remembered (the app passes the user's home). */
  public void useRecent(org.duetstudio.core.store.RecentItems r) {
    this.recent = r;
    dataset.sourceProperty().addListener((o, a, src) -> {
      if (src != null) {
        recent.add("data", src.spec());
      }
    });
  }

  public org.duetstudio.core.store.RecentItems recent() {
    return recent;
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

  private final ReadOnlyStringWrapper sessionStatus = new ReadOnlyStringWrapper("");

  /** How the last save or open went, one sentence; empty before any. */
  public ReadOnlyStringProperty sessionStatusProperty() {
    return sessionStatus.getReadOnlyProperty();
  }

  /**
   * Saves both sides' finished runs — settings, curves, answers, models — and the judge's verdict to
   * {@code file}, in the background (atomically: a failed save leaves an older file as it was).
   */
  public void saveSession(java.nio.file.Path file) {
    if (anyActive.get()) {
      sessionStatus.set("Stop training first: a session keeps finished runs.");
      return;
    }
    var cModel = classifier.model();
    var gModel = generator.model();
    if (cModel == null && gModel == null) {
      sessionStatus.set("Nothing to save yet: train a classifier or a generator first.");
      return;
    }
    var cData = classifier.runData();
    var gData = generator.runData();
    if (cModel != null && gModel != null
        && (!cData.train().fingerprint().equals(gData.train().fingerprint())
            || !cData.test().fingerprint().equals(gData.test().fingerprint()))) {
      sessionStatus.set(
          "The two sides trained on different images; train both on the same data to save them"
              + " together.");
      return;
    }
    var data = cModel != null ? cData : gData;
    var cSpec = classifier.runSpec();
    var gSpec = gModel == null ? null : generator.specProperty().get();
    var gRunSpec = generator.runSpec();
    var cEvents = classifier.recordedEvents();
    var gEvents = generator.recordedEvents();
    var judgement = judge.judgementProperty().get();
    sessionStatus.set("Saving " + file.getFileName() + "…");
    modelWork.run(
        () -> {
          var c =
              cModel == null
                  ? null
                  : new org.duetstudio.core.store.SessionFile.Side<>(cSpec, cEvents, state(cModel));
          var g =
              gModel == null
                  ? null
                  : new org.duetstudio.core.store.SessionFile.Side<>(
                      gRunSpec != null ? gRunSpec : gSpec, gEvents, state(gModel));
          new org.duetstudio.core.store.SessionFile(
                  org.duetstudio.core.store.SessionFile.FORMAT,
                  org.duetstudio.core.store.LibraryVersions.detect().getOrDefault("duet-studio", "?"),
                  java.time.Instant.now().toString(),
                  org.duetstudio.core.store.Provenance.DataRecord.of(data),
                  c,
                  g,
                  judgement)
              .save(file);
          return file;
        },
        f -> {
          sessionStatus.set("Saved the session to " + f + ".");
          recent.add("session", f.toAbsolutePath().toString());
        },
        t -> sessionStatus.set("Could not save the session: " + t.getMessage()));
  }

  private static org.duetstudio.core.model.ModelState state(Object model) {
    if (!(model instanceof org.duetstudio.core.model.Persistent p)) {
      throw new IllegalStateException("this model cannot be saved");
    }
    return p.state();
  }

  private record Opened(
      org.duetstudio.core.store.SessionFile session,
      org.duetstudio.core.data.DatasetSource source,
      org.duetstudio.core.data.TrainTestData whole,
      org.duetstudio.core.data.TrainTestData used,
      org.duetstudio.core.model.ImageClassifier classifier,
      org.duetstudio.core.model.ImageGenerator generator) {}

  /**
   * Opens a saved session in the background: loads its data (refusing data whose fingerprint differs),
   * rebuilds its models, and shows both sides as they were; what is shown now stays if anything fails.
   */
  public void openSession(java.nio.file.Path file) {
    if (anyActive.get()) {
      sessionStatus.set("Stop training first: opening a session replaces both sides.");
      return;
    }
    sessionStatus.set("Opening " + file.getFileName() + "…");
    tasks.run(
        () -> {
          var s = org.duetstudio.core.store.SessionFile.load(file);
          var d = s.data();
          var source = dataset.locator().resolve(d.source());
          var whole = source.load().data();
          var used =
              whole.limit(
                  d.trainImages() >= whole.train().size() ? 0 : d.trainImages(),
                  d.testImages() >= whole.test().size() ? 0 : d.testImages());
          if (!used.train().fingerprint().equals(d.trainFingerprint())
              || !used.test().fingerprint().equals(d.testFingerprint())) {
            throw new java.io.IOException(
                "the data at " + source.path() + " is not the data this session trained on (it has"
                    + " changed since, or another copy is found first)");
          }
          org.duetstudio.core.model.ImageClassifier c = null;
          if (s.classifier() != null) {
            c = org.duetstudio.core.model.Models.classifier(
                s.classifier().spec(), used.shape(), used.train().classNames());
            restore(c, s.classifier().model());
          }
          org.duetstudio.core.model.ImageGenerator g = null;
          if (s.generator() != null) {
            g = org.duetstudio.core.model.Models.generator(
                s.generator().spec(), used.shape(), used.train().classNames());
            restore(g, s.generator().model());
          }
          return new Opened(s, source, whole, used, c, g);
        },
        o -> {
          dataset.show(o.source(), o.whole());
          dataset.trainLimitProperty().set(
              o.used().train().size() == o.whole().train().size() ? 0 : o.used().train().size());
          dataset.testLimitProperty().set(
              o.used().test().size() == o.whole().test().size() ? 0 : o.used().test().size());
          if (o.classifier() != null) {
            classifier.restore(
                o.session().classifier().spec(), o.used(), o.classifier(), o.session().classifier().events());
          }
          if (o.generator() != null) {
            generator.restore(
                o.session().generator().spec(), o.used(), o.generator(), o.session().generator().events());
          }
          sessionStatus.set("Opened " + file.getFileName() + " (saved " + o.session().created() + ").");
          recent.add("session", file.toAbsolutePath().toString());
        },
        t ->
            sessionStatus.set(
                "Could not open the session: "
                    + (t instanceof java.io.IOException || t instanceof org.duetstudio.core.data.DatasetException
                        ? t.getMessage()
                        : t.toString())));
  }

  private static void restore(Object model, org.duetstudio.core.model.ModelState state) {
    if (state == null) {
      return;
    }
    if (!(model instanceof org.duetstudio.core.model.Persistent p)) {
      throw new IllegalStateException("this model cannot be restored");
    }
    p.restore(state);
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
