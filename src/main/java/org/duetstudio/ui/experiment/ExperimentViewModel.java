package org.duetstudio.ui.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.ExperimentInput;
import org.duetstudio.core.experiment.ExperimentMonitor;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.ExperimentRun;
import org.duetstudio.core.experiment.ExperimentSettings;
import org.duetstudio.core.experiment.Setting;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.report.ExperimentReport;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.UiThread;

/**
 * One experiment of the registry in the window: its settings as editable text (the registry's defaults
 * to begin with), a run in the background showing which point is training and the time left, Stop, and
 * the last run, whose report and CSV are those the command line writes.
 */
public final class ExperimentViewModel {
  static final String NO_DATA = "Load a data set first.";
  static final String NO_GENERATOR =
      "Train a class-conditional generator first (tick \"Class-conditional\" in the generator pane): its"
          + " images are the synthetic data.";
  static final String GENERATED_FROM = "drawn from the class-conditional generator trained in the studio";

  private final Experiment experiment;
  private final BackgroundTasks tasks;
  private final BackgroundTasks modelWork;
  private final UiThread ui;
  private final Supplier<ConditionalGenerator> generator;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<ExperimentRun> lastRun = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ExperimentResult> partial = new ReadOnlyObjectWrapper<>();
  private volatile ExperimentRun written;
  private volatile boolean cancelled;

  /**
   * @param tasks runs the experiment
   * @param modelWork the lane for work on trained models (drawing generated images)
   * @param ui where progress from the experiment's thread is shown
   * @param generator the studio's finished class-conditional generator, or null while there is none
   */
  public ExperimentViewModel(
      Experiment experiment,
      BackgroundTasks tasks,
      BackgroundTasks modelWork,
      UiThread ui,
      Supplier<ConditionalGenerator> generator) {
    this.experiment = experiment;
    this.tasks = tasks;
    this.modelWork = modelWork;
    this.ui = ui;
    this.generator = generator;
    experiment.defaults().values().forEach((k, v) -> values.put(k, new SimpleStringProperty(v)));
  }

  public Experiment experiment() {
    return experiment;
  }

  /** The settings the window shows: all but those of a generator the experiment would train itself. */
  public List<Setting> settings() {
    return experiment.settings().stream().filter(s -> !s.ownGenerator()).toList();
  }

  /** The text of setting {@code key}, read when a run starts. */
  public StringProperty setting(String key) {
    StringProperty p = values.get(key);
    if (p == null) {
      throw new IllegalArgumentException("no setting '" + key + "' in " + experiment.id());
    }
    return p;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Which point is training and the time left; or how the last run ended, or why it could not start. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last finished run: its settings, input and result. */
  public ReadOnlyObjectProperty<ExperimentRun> lastRunProperty() {
    return lastRun.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The points measured so far while a run is under way (its conclusion says so); null otherwise. */
  public ReadOnlyObjectProperty<ExperimentResult> partialProperty() {
    return partial.getReadOnlyProperty();
  }

  /** Runs the experiment on {@code data} with the settings shown; says why where it cannot start. */
  public void start(TrainTestData data) {
    if (running.get()) {
      return;
    }
    if (data == null) {
      status.set(NO_DATA);
      return;
    }
    ExperimentSettings settings;
    try {
      Map<String, String> given = new LinkedHashMap<>();
      values.forEach((k, p) -> given.put(k, p.get()));
      settings = experiment.parse(given);
    } catch (IllegalArgumentException e) {
      status.set("Check the settings: " + e.getMessage());
      return;
    }
    if (!experiment.usesGenerator()) {
      launch(ExperimentInput.of(data), settings);
      return;
    }
    ConditionalGenerator g = generator.get();
    if (g == null) {
      status.set(NO_GENERATOR);
    } else if (!data.train().classNames().equals(g.classNames())) {
      status.set("The generator was trained on other data than the data loaded now.");
    } else {
      status.set("Drawing the generated images…");
      // the generator is used on the model lane; the trainings then run on their own
      modelWork.run(
          () -> experiment.input(data, settings, g, GENERATED_FROM),
          input -> launch(input, settings),
          t -> status.set("Drawing the generated images failed: " + t.getMessage()));
    }
  }

  private void launch(ExperimentInput input, ExperimentSettings settings) {
    cancelled = false;
    running.set(true);
    progress.set(0);
    status.set("Starting…");
    ExperimentMonitor monitor =
        new ExperimentProgress(
            experiment,
            ui,
            (f, text) -> {
              if (running.get()) {
                progress.set(f);
                status.set(text);
              }
            },
            soFar -> {
              if (running.get()) {
                partial.set(soFar);
              }
            },
            () -> cancelled);
    tasks.run(
        () -> ExperimentRun.run(experiment, input, settings, monitor),
        r -> {
          running.set(false);
          partial.set(null);
          progress.set(1);
          String took = ExperimentProgress.duration(r.result().seconds());
          status.set(String.format(Locale.ROOT, "Done in %s.", took));
          written = r;
          lastRun.set(r);
          result.set(r.result());
        },
        t -> {
          running.set(false);
          partial.set(null);
          progress.set(0);
          status.set(
              t instanceof CancellationException
                  ? "Stopped; the last complete result stays."
                  : "The experiment failed: " + t.getMessage());
        });
  }

  public void cancel() {
    cancelled = true;
  }

  /** The name files of the last run are offered under, e.g. {@code gen-vs-disc.html}. */
  public String fileName(String extension) {
    return experiment.id() + extension;
  }

  /** Writes the last run's report: the page the command line writes as NAME.html. */
  public void writeReport(Path file) throws IOException {
    ExperimentReport.writeHtml(last(), file);
  }

  /** Writes the last run's table: the file the command line writes as NAME.csv. */
  public void writeCsv(Path file) throws IOException {
    ExperimentReport.writeCsv(last(), file);
  }

  private ExperimentRun last() {
    ExperimentRun r = written;
    if (r == null) {
      throw new IllegalStateException("no finished run of " + experiment.id() + " yet");
    }
    return r;
  }
}
