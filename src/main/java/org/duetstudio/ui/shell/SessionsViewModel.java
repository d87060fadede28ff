package org.duetstudio.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.report.RunReport;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.studio.Sessions;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * Saving and opening sessions, and writing the run report, for the window: each builds or reads one
 * {@link RunPair} through core ({@link Sessions}, {@link RunReport}) in the background, and says how it
 * went in one sentence. What is shown stays as it was when anything fails.
 */
public final class SessionsViewModel {
  private final StudioViewModel studio;
  private final DatasetLocator locator;
  private final BackgroundTasks tasks;
  private final BackgroundTasks modelWork;
  private final RecentViewModel recent;
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> saved = new ReadOnlyObjectWrapper<>();

  /**
   * A session on screen: the file it came from and when it was saved.
   *
   * @param created as the file records it
   */
  public record Opened(Path file, String created) {}

  /**
   * @param tasks background work
   * @param modelWork the lane for work on trained models (saving reads their weights)
   */
  public SessionsViewModel(
      StudioViewModel studio,
      DatasetLocator locator,
      BackgroundTasks tasks,
      BackgroundTasks modelWork,
      RecentViewModel recent) {
    this.studio = studio;
    this.locator = locator;
    this.tasks = tasks;
    this.modelWork = modelWork;
    this.recent = recent;
  }

  /** How the last save, open or report went, one sentence; empty before any. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The file the last successful save or report wrote (for the window's notification); null before any. */
  public ReadOnlyObjectProperty<Path> savedProperty() {
    return saved.getReadOnlyProperty();
  }

  /** The session on screen; null when none was opened (or a run has replaced it). */
  public ReadOnlyObjectProperty<Opened> openedProperty() {
    return opened.getReadOnlyProperty();
  }

  /** Saves both sides' finished runs and the judge's verdict to {@code file}, atomically. */
  public void save(Path file) {
    RunPair pair;
    try {
      pair = studio.currentPair();
    } catch (StudioViewModel.NoPair e) {
      status.set(e.getMessage());
      return;
    }
    status.set("Saving " + file.getFileName() + "…");
    modelWork.run(
        () -> {
          Sessions.save(pair, file);
          return file;
        },
        f -> {
          status.set("Saved the session to " + f + ".");
          saved.set(f);
          recent.remember("session", f.toAbsolutePath().toString());
        },
        t -> status.set("Could not save the session: " + t.getMessage()));
  }

  /**
   * Opens {@code file} in the background: loads its data (refusing data whose fingerprint differs),
   * rebuilds its models, and shows both sides as they were.
   */
  public void open(Path file) {
    if (studio.anyActiveProperty().get()) {
      status.set(StudioViewModel.OPEN_WHILE_TRAINING);
      return;
    }
    status.set("Opening " + file.getFileName() + "…");
    tasks.run(
        () -> Sessions.open(file, locator),
        o -> {
          if (refusedWhileTraining(o.pair(), StudioViewModel.OPEN_WHILE_TRAINING)) {
            return;
          }
          studio.show(o.pair(), o.data());
          opened.set(new Opened(file, o.created()));
          status.set("Opened " + file.getFileName() + " (saved " + o.created() + ").");
          recent.remember("session", file.toAbsolutePath().toString());
        },
        t -> status.set("Could not open the session: " + reason(t)));
  }

  /**
   * Opens a run folder (one {@code train} wrote, or the autosave) like a session: each side up to its last
   * finished epoch, its model from its checkpoint.
   */
  public void openRun(Path dir) {
    if (studio.anyActiveProperty().get()) {
      status.set("Stop training first: opening a run replaces both sides.");
      return;
    }
    status.set("Opening the run in " + dir.getFileName() + "…");
    tasks.run(
        () -> RunFolder.Recorded.read(dir).toPair(locator),
        o -> {
          if (refusedWhileTraining(o.pair(), "Stop training first: opening a run replaces both sides.")) {
            return;
          }
          studio.show(o.pair(), o.data());
          opened.set(new Opened(dir, ""));
          status.set("Opened the run in " + dir + ".");
        },
        t -> status.set("Could not open the run: " + reason(t)));
  }

  /** Writes the run report — the same page as {@code train}'s report.html — to {@code file}. */
  public void report(Path file) {
    RunPair pair;
    try {
      pair = studio.currentPair();
    } catch (StudioViewModel.NoPair e) {
      status.set(e.getMessage().replace("Nothing to keep yet", "Nothing to report yet"));
      return;
    }
    modelWork.run(
        () -> {
          RunReport.write(pair, file);
          return file;
        },
        f -> {
          status.set("Wrote the report to " + f + ".");
          saved.set(f);
        },
        t -> status.set("Could not write the report: " + t.getMessage()));
  }

  /**
   * True, saying {@code sentence}, when a side started training while {@code pair} was being read: nothing on screen
   * changes, and the pair's freshly built models are closed.
   */
  private boolean refusedWhileTraining(RunPair pair, String sentence) {
    if (!studio.anyActiveProperty().get()) {
      return false;
    }
    status.set(sentence);
    modelWork.closeLater(pair::closeModels);
    return true;
  }

  /** Says {@code message} in the status line (a view's own outcome, such as a refused drop). */
  void say(String message) {
    status.set(message);
  }

  static String reason(Throwable t) {
    return t instanceof IOException || t instanceof DatasetException ? t.getMessage() : t.toString();
  }
}
