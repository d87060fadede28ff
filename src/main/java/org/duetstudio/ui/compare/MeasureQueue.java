package org.duetstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The judge's measures on the lane for trained models, one at a time: what is being computed (the
 * window's busy indicator) and the last failure, one sentence.
 */
final class MeasureQueue {
  private final BackgroundTasks lane;
  private final List<String> pending = new ArrayList<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper workingOn = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  MeasureQueue(BackgroundTasks lane) {
    this.lane = lane;
  }

  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  ReadOnlyStringProperty workingOnProperty() {
    return workingOn.getReadOnlyProperty();
  }

  ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Runs {@code work} named {@code what}; {@code done} gets its result on the UI thread. */
  <T> void run(String what, Callable<T> work, Consumer<T> done) {
    pending.add(what);
    show();
    lane.run(
        work,
        result -> {
          pending.remove(what);
          show();
          done.accept(result);
        },
        t -> {
          pending.remove(what);
          show();
          status.set(what + " failed: " + t.getMessage());
        });
  }

  private void show() {
    busy.set(!pending.isEmpty());
    workingOn.set(pending.isEmpty() ? "" : pending.get(0));
  }
}
