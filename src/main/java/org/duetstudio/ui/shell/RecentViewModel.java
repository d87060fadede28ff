package org.duetstudio.ui.shell;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * Sessions and data sets opened lately, newest first: kept in memory for the views, read from and written
 * to their file ({@code ~/.duet-studio/recent.json}) in the background.
 */
public final class RecentViewModel {
  private final ObservableList<RecentItems.Item> items = FXCollections.observableArrayList();
  private final BackgroundTasks tasks;
  private final RecentItems file;

  /** @param file where they are kept; null keeps them in memory only */
  public RecentViewModel(RecentItems file, BackgroundTasks tasks) {
    this.file = file;
    this.tasks = tasks;
    if (file != null) {
      tasks.run(file::items, items::setAll, t -> {});
    }
  }

  public ObservableList<RecentItems.Item> items() {
    return items;
  }

  /** Puts {@code location} first among the items of {@code kind} ("session" or "data"). */
  public void remember(String kind, String location) {
    List<RecentItems.Item> now = RecentItems.with(items, kind, location);
    items.setAll(now);
    if (file != null) {
      tasks.run(
          () -> {
            file.write(now);
            return now;
          },
          x -> {},
          t -> {});
    }
  }
}
