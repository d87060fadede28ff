package org.duetstudio.ui.dataset;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The data set both models train on. Loading happens off the FX thread; a load that fails leaves the
 * current data set in place and says why in {@link #errorProperty()}.
 */
public final class DatasetViewModel {
  /** The choices of training-set size offered (0 = all). */
  public static final List<Integer> TRAIN_LIMITS = List.of(0, 10_000, 5_000, 2_000, 1_000, 500);

  private final DatasetLocator locator;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectWrapper<TrainTestData> data = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DatasetSource> source = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final IntegerProperty trainLimit = new SimpleIntegerProperty(0);
  private final IntegerProperty testLimit = new SimpleIntegerProperty(0);
  private final ObjectBinding<TrainTestData> trainingData;

  public DatasetViewModel(DatasetLocator locator, BackgroundTasks tasks) {
    this.locator = locator;
    this.tasks = tasks;
    this.trainingData =
        Bindings.createObjectBinding(
            () -> data.get() == null ? null : data.get().limit(trainLimit.get(), testLimit.get()),
            data,
            trainLimit,
            testLimit);
  }

  public DatasetLocator locator() {
    return locator;
  }

  /** The loaded data, whole; null until the first load succeeds. */
  public ReadOnlyObjectProperty<TrainTestData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DatasetSource> sourceProperty() {
    return source.getReadOnlyProperty();
  }

  /** What the models train on: the data cut to the chosen sizes. */
  public ObjectBinding<TrainTestData> trainingDataProperty() {
    return trainingData;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The last load's failure, one sentence naming the file; empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** What the last load skipped (files that were no images); empty when none. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Training images to use; 0 = all. */
  public IntegerProperty trainLimitProperty() {
    return trainLimit;
  }

  /** Test images to use; 0 = all. */
  public IntegerProperty testLimitProperty() {
    return testLimit;
  }

  public void clearError() {
    error.set("");
  }

  /** Opens "sample", "full" or a path, in the background. */
  public void open(String spec) {
    DatasetSource s;
    try {
      s = locator.resolve(spec);
    } catch (DatasetException e) {
      error.set(e.getMessage());
      return;
    }
    open(s);
  }

  /** Loads a source in the background; on failure the current data stays. */
  public void open(DatasetSource s) {
    loading.set(true);
    error.set("");
    tasks.run(
        s::load,
        loaded -> {
          loading.set(false);
          data.set(loaded.data());
          source.set(s);
          notice.set(loaded.report().skipped().isEmpty() ? "" : loaded.report().summary());
        },
        failure -> {
          loading.set(false);
          error.set(
              failure instanceof DatasetException de
                  ? de.getMessage()
                  : "Could not load " + s.path() + ": " + failure.getMessage());
        });
  }

  /** Shows data loaded elsewhere (a session's), as if {@code s} had been opened. */
  public void show(DatasetSource s, TrainTestData whole) {
    error.set("");
    data.set(whole);
    source.set(s);
    notice.set("");
  }

  /** One line: "12,000 training + 2,500 test images · 28x28 grey · 10 classes". */
  public String summary() {
    TrainTestData d = data.get();
    if (d == null) {
      return loading.get() ? "Loading…" : "No data loaded";
    }
    return String.format(
        Locale.ROOT,
        "%,d training + %,d test images · %s · %d classes",
        d.train().size(),
        d.test().size(),
        d.shape(),
        d.numClasses());
  }
}
