package org.duetstudio.ui.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.duetstudio.core.data.ImageFiles;
import org.duetstudio.core.data.LoadOptions;
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
  private final BooleanBinding imageFolder;

  public DatasetViewModel(DatasetLocator locator, BackgroundTasks tasks) {
    this.locator = locator;
    this.tasks = tasks;
    this.trainingData =
        Bindings.createObjectBinding(
            () -> data.get() == null ? null : data.get().limit(trainLimit.get(), testLimit.get()),
            data,
            trainLimit,
            testLimit);
    this.imageFolder =
        Bindings.createBooleanBinding(
            () -> source.get() != null && source.get().takesLoadOptions(), source);
  }

  /**
   * What a drop of files on the window means: data to open, one image to ask the classifier about, or a
   * refusal in one sentence.
   *
   * @param path the folder or file to open or ask about; null when refused
   * @param refusal the sentence a refused drop gets; empty otherwise
   */
  public record Drop(Kind kind, Path path, String refusal) {
    /** What was dropped. */
    public enum Kind {
      /** A folder (image folders or IDX files), an IDX file (its folder is opened) or a CSV file. */
      DATA,
      /** One image file: ask the classifier. */
      IMAGE,
      /** Anything else. */
      REFUSED
    }

    /** Decides what {@code files}, dropped together, mean. */
    public static Drop of(List<Path> files) {
      if (files == null || files.isEmpty()) {
        return refused("Nothing to open was dropped: drop a folder, an IDX file, a CSV file or one image.");
      }
      if (files.size() > 1) {
        boolean idx = files.stream().allMatch(Drop::isIdx);
        Path parent = files.get(0).getParent();
        if (idx && parent != null && files.stream().allMatch(f -> parent.equals(f.getParent()))) {
          return new Drop(Kind.DATA, parent, "");
        }
        return refused(
            files.size()
                + " things were dropped; drop one folder, one CSV file, the IDX files of one folder, or"
                + " one image.");
      }
      Path f = files.get(0);
      String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
      if (Files.isDirectory(f)) {
        return new Drop(Kind.DATA, f, "");
      }
      if (!Files.isRegularFile(f)) {
        return refused("'" + name + "' cannot be opened: it is neither a folder nor a file.");
      }
      if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return new Drop(Kind.DATA, f, "");
      }
      if (isIdx(f)) {
        return new Drop(Kind.DATA, f.toAbsolutePath().getParent(), "");
      }
      if (ImageFiles.isImageName(f)) {
        return new Drop(Kind.IMAGE, f, "");
      }
      return refused(
          "'" + name + "' is not something the studio opens: drop a folder of class folders, an IDX"
              + " file, a CSV file, or one PNG, JPEG, BMP or GIF image to ask the classifier about.");
    }

    private static Drop refused(String sentence) {
      return new Drop(Kind.REFUSED, null, sentence);
    }

    private static boolean isIdx(Path f) {
      String n = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(Locale.ROOT);
      return Files.isRegularFile(f) && (n.contains("idx3") || n.contains("idx1"));
    }
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

  /** What the last load skipped (files that were no images) or resized; empty when none. */
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

  /** Says why something could not be opened, as a failed load does; the current data stay. */
  public void refuse(String sentence) {
    error.set(sentence);
  }

  /** True when the loaded data set is an image folder, whose size and colour can be chosen. */
  public BooleanBinding imageFolderProperty() {
    return imageFolder;
  }

  /** The size and colour the current data set was loaded at (automatic unless chosen). */
  public LoadOptions loadOptions() {
    return source.get() == null ? LoadOptions.AUTOMATIC : source.get().options();
  }

  /** Opens what was dropped on the window when it is data; returns the image to ask about, or null. */
  public Path openDropped(List<Path> files) {
    Drop d = Drop.of(files);
    switch (d.kind()) {
      case DATA -> open(d.path().toString());
      case IMAGE -> {
        return d.path();
      }
      case REFUSED -> refuse(d.refusal());
    }
    return null;
  }

  /** Opens {@code spec} at the chosen size and colour ({@link DatasetLocator#resolve(String, LoadOptions)}). */
  public void open(String spec, LoadOptions options) {
    DatasetSource s;
    try {
      s = locator.resolve(spec, options);
    } catch (DatasetException e) {
      error.set(e.getMessage());
      return;
    }
    open(s);
  }

  /** Loads the current image folder again at another size or colour; the current data stay until it has loaded. */
  public void reload(LoadOptions options) {
    DatasetSource s = source.get();
    if (s == null || options.equals(s.options())) {
      return;
    }
    open(s.path().toString(), options);
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
          notice.set(loaded.report().hasNotes() ? loaded.report().summary() : "");
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
