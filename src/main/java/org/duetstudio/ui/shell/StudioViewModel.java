package org.duetstudio.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.store.HtmlReport;
import org.duetstudio.core.store.ImageGrids;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.LibraryVersions;
import org.duetstudio.core.store.Provenance;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.compare.JudgeViewModel;
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

  private RecentItems recent;
  private final javafx.collections.ObservableList<RecentItems.Item> recentItems =
      javafx.collections.FXCollections.observableArrayList();

  /**
   * Where recent sessions and data sets are remembered (the app passes the user's home). The file is read
   * and written in the background; views use {@link #recentItems()}.
   */
  public void useRecent(RecentItems r) {
    this.recent = r;
    tasks.run(r::items, recentItems::setAll, t -> {});
    dataset.sourceProperty().addListener((o, a, src) -> {
      if (src != null) {
        remember("data", src.spec());
      }
    });
  }

  /** Sessions and data sets opened lately, newest first (in memory; kept in the file in the background). */
  public javafx.collections.ObservableList<RecentItems.Item> recentItems() {
    return recentItems;
  }

  private void remember(String kind, String location) {
    List<RecentItems.Item> now = RecentItems.with(recentItems, kind, location);
    recentItems.setAll(now);
    RecentItems r = recent;
    if (r != null) {
      tasks.run(
          () -> {
            r.write(now);
            return now;
          },
          x -> {},
          t -> {});
    }
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
  public void saveSession(Path file) {
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
    var confidenceRows = judge.confidenceRows();
    sessionStatus.set("Saving " + file.getFileName() + "…");
    modelWork.run(
        () -> {
          var c =
              cModel == null
                  ? null
                  : new SessionFile.Side<>(cSpec, cEvents, state(cModel));
          var g =
              gModel == null
                  ? null
                  : new SessionFile.Side<>(
                      gRunSpec != null ? gRunSpec : gSpec, gEvents, state(gModel));
          new SessionFile(
                  SessionFile.FORMAT,
                  LibraryVersions.detect().getOrDefault("duet-studio", "?"),
                  Instant.now().toString(),
                  Provenance.DataRecord.of(data),
                  c,
                  g,
                  judgement,
                  confidenceRows)
              .save(file);
          return file;
        },
        f -> {
          sessionStatus.set("Saved the session to " + f + ".");
          remember("session", f.toAbsolutePath().toString());
        },
        t -> sessionStatus.set("Could not save the session: " + t.getMessage()));
  }

  private static ModelState state(Object model) {
    if (!(model instanceof Persistent p)) {
      throw new IllegalStateException("this model cannot be saved");
    }
    return p.state();
  }

  /**
   * Writes what both sides show — settings, final numbers, pictures, the judge's findings — as one HTML
   * page that opens in a browser with no network.
   */
  public void exportReport(Path file) {
    var cSpec = classifier.runSpec();
    var gSpec = generator.runSpec();
    var predictions = classifier.predictionsProperty().get();
    var test = classifier.testImagesProperty().get();
    var samples = generator.samplesProperty().get();
    var judgement = judge.judgementProperty().get();
    var fidelity = judge.fidelityProperty().get();
    var cas = judge.casProperty().get();
    var map = judge.decisionMapProperty().get();
    var path = judge.interpolationProperty().get();
    var shape = generator.model() != null ? generator.model().shape() : null;
    var data = dataset.trainingDataProperty().get();
    if (cSpec == null && gSpec == null) {
      sessionStatus.set("Nothing to report yet: train a classifier or a generator first.");
      return;
    }
    tasks.run(
        () -> {
          var r = new HtmlReport("Duet Studio — run report");
          if (data != null) {
            r.paragraph(String.format(Locale.ROOT, "Data: %s, %,d training and %,d test images, %s.",
                data.source(), data.train().size(), data.test().size(), data.shape()));
          }
          List<List<String>> rows = new ArrayList<>();
          if (cSpec != null) {
            rows.add(List.of("classifier", Json.write(cSpec).replaceAll("\\s+", " ")));
          }
          if (gSpec != null) {
            rows.add(List.of("generator", Json.write(gSpec).replaceAll("\\s+", " ")));
          }
          r.heading("Settings").table(List.of("side", "spec (seed included)"), rows);
          if (predictions != null && test != null) {
            r.heading("Classifier")
                .paragraph(String.format(Locale.ROOT, "Test accuracy %.2f%% on %,d images.",
                    100 * predictions.accuracy(), predictions.size()))
                .preformatted(predictions.confusionMatrix().toTable());
            List<float[]> imgs = new ArrayList<>();
            List<ImageGrids.Caption> caps = new ArrayList<>();
            for (int i = 0; i < Math.min(40, predictions.size()); i++) {
              imgs.add(test.image(i));
              caps.add(ImageGrids.Caption.judged(
                  String.format(Locale.ROOT, "%s %.0f%%",
                      predictions.classNames().get(predictions.predicted(i)), 100 * predictions.confidence(i)),
                  predictions.correct(i)));
            }
            r.figure(ImageGrids.render(imgs, test.shape(), 8, caps),
                "Test images with the classifier's label and confidence");
          }
          if (samples != null) {
            r.heading("Generator")
                .figure(ImageGrids.render(samples.images(), samples.shape(), samples.columns(), null),
                    "Samples after epoch " + samples.epoch());
          }
          if (judgement != null) {
            r.heading("The judge").paragraph(String.format(Locale.ROOT,
                "On %d samples the classifier's mean confidence is %.1f%%%s.",
                judgement.samples(), 100 * judgement.verdict().meanConfidence(),
                judgement.frechet() == null ? "" : String.format(Locale.ROOT,
                    "; Fréchet distance in its features %.2f (real vs real %.2f)", judgement.frechet(), judgement.frechetRealHalves())));
          }
          if (fidelity != null) {
            r.paragraph(String.format(Locale.ROOT, "Label fidelity %.1f%%.", 100 * fidelity.overall()));
          }
          if (cas != null) {
            r.paragraph(String.format(Locale.ROOT,
                "Classification accuracy score: %.1f%% trained on generated images, %.1f%% on real ones.",
                100 * cas.synthetic(), 100 * cas.real()));
          }
          for (var l : Arrays.asList(map, path)) {
            if (l != null && shape != null) {
              List<ImageGrids.Caption> caps = new ArrayList<>();
              for (int i = 0; i < l.size(); i++) {
                caps.add(new ImageGrids.Caption(
                    l.classNames().get(l.predicted()[i]), null));
              }
              int cols = l == map ? (int) Math.round(Math.sqrt(l.size())) : l.size();
              r.figure(ImageGrids.render(l.images(), shape, cols, caps), l.how());
            }
          }
          r.write(file);
          return file;
        },
        f -> sessionStatus.set("Wrote the report to " + f + "."),
        t -> sessionStatus.set("Could not write the report: " + t.getMessage()));
  }

  private record Opened(
      SessionFile session,
      DatasetSource source,
      TrainTestData whole,
      TrainTestData used,
      ImageClassifier classifier,
      ImageGenerator generator) {}

  /**
   * Opens a saved session in the background: loads its data (refusing data whose fingerprint differs),
   * rebuilds its models, and shows both sides as they were; what is shown now stays if anything fails.
   */
  public void openSession(Path file) {
    if (anyActive.get()) {
      sessionStatus.set("Stop training first: opening a session replaces both sides.");
      return;
    }
    sessionStatus.set("Opening " + file.getFileName() + "…");
    tasks.run(
        () -> {
          var s = SessionFile.load(file);
          var d = s.data();
          var source = dataset.locator().resolve(d.source());
          var whole = source.load().data();
          var used =
              whole.limit(
                  d.trainImages() >= whole.train().size() ? 0 : d.trainImages(),
                  d.testImages() >= whole.test().size() ? 0 : d.testImages());
          if (!used.train().fingerprint().equals(d.trainFingerprint())
              || !used.test().fingerprint().equals(d.testFingerprint())) {
            throw new IOException(
                "the data at " + source.path() + " is not the data this session trained on (it has"
                    + " changed since, or another copy is found first)");
          }
          ImageClassifier c = null;
          if (s.classifier() != null) {
            c = Models.classifier(
                s.classifier().spec(), used.shape(), used.train().classNames());
            restore(c, s.classifier().model());
          }
          ImageGenerator g = null;
          if (s.generator() != null) {
            g = Models.generator(
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
          if (!o.session().judgeConfidence().isEmpty()) {
            judge.restoreConfidence(o.session().judgeConfidence());
          }
          sessionStatus.set("Opened " + file.getFileName() + " (saved " + o.session().created() + ").");
          remember("session", file.toAbsolutePath().toString());
        },
        t ->
            sessionStatus.set(
                "Could not open the session: "
                    + (t instanceof IOException || t instanceof DatasetException
                        ? t.getMessage()
                        : t.toString())));
  }

  private static void restore(Object model, ModelState state) {
    if (state == null) {
      return;
    }
    if (!(model instanceof Persistent p)) {
      throw new IllegalStateException("this model cannot be restored");
    }
    p.restore(state);
  }

  /** Takes a preset's settings on both sides (and its training-set size); does not start training. */
  public void applyPreset(Preset p) {
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
