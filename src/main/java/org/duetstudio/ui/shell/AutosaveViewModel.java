package org.duetstudio.ui.shell;

import java.io.IOException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.ui.common.BackgroundTasks;
import org.slf4j.LoggerFactory;

/**
 * The window's autosave: every run the window trains is written as it goes into one {@link RunFolder}
 * ({@code ~/.duet-studio/autosave/}; events, and the model after each epoch). A clean exit marks it
 * closed; if the studio starts and finds it left open (it crashed, or was killed), it offers to restore
 * what was there.
 */
public final class AutosaveViewModel {
  private static final String RESTORE_WHILE_TRAINING = "Stop training first: restoring replaces both sides.";

  private final RunFolder folder;
  private final StudioViewModel studio;
  private final DatasetLocator locator;
  private final BackgroundTasks tasks;
  private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  public AutosaveViewModel(
      RunFolder folder, StudioViewModel studio, DatasetLocator locator, BackgroundTasks tasks) {
    this.folder = folder;
    this.studio = studio;
    this.locator = locator;
    this.tasks = tasks;
  }

  public RunFolder folder() {
    return folder;
  }

  /** True while a run left by a crash can be restored. */
  public ReadOnlyBooleanProperty offeredProperty() {
    return offered.getReadOnlyProperty();
  }

  /** How the last restore went; empty before one. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Looks (in the background) whether the last studio left its autosave open. */
  public void check() {
    tasks.run(folder::leftOpen, offered::set, t -> offered.set(false));
  }

  /** Shows what the autosave holds: each side up to its last finished epoch. */
  public void restore() {
    if (studio.anyActiveProperty().get()) {
      status.set(RESTORE_WHILE_TRAINING);
      return;
    }
    offered.set(false);
    status.set("Restoring the runs of the last session…");
    tasks.run(
        () -> RunFolder.Recorded.read(folder.dir()).toPair(locator),
        o -> {
          if (studio.anyActiveProperty().get()) { // a side started while the folder was read
            status.set(RESTORE_WHILE_TRAINING);
            offered.set(true);
            tasks.closeLater(o.pair()::closeModels); // built for this restore alone
            return;
          }
          studio.show(o.pair(), o.data());
          status.set("Restored the runs the studio was training when it stopped (up to their last finished epoch).");
        },
        t -> status.set("Could not restore the last session: " + SessionsViewModel.reason(t)));
  }

  /** Declines the offer: the autosave is marked closed. */
  public void dismiss() {
    offered.set(false);
    close();
  }

  /** Marks the autosave closed (a clean exit), so the next start offers nothing. */
  public void close() {
    try {
      folder.markClosed();
    } catch (IOException e) {
      LoggerFactory.getLogger(AutosaveViewModel.class).warn("could not mark the autosave closed", e);
    }
  }
}
