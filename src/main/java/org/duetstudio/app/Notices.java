package org.duetstudio.app;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.shell.ShellModels;

/**
 * Notifications (ControlsFX) for what happens while one is not looking: a side's run has finished or
 * failed while the window is in the background, and a session or report has been saved. The window is
 * closed by closing its stage (Platform.exit() while a notification shows has crashed the toolkit).
 */
final class Notices {
  private static final Duration SHOWN = Duration.seconds(6);

  private Notices() {}

  static void install(Stage stage, ShellModels shell) {
    watch(stage, "The classifier", shell.studio().classifier());
    watch(stage, "The generator", shell.studio().generator());
    shell.sessions().savedProperty().addListener((o, a, file) -> {
      if (file != null) {
        show(stage, "Saved", saved(file));
      }
    });
  }

  private static void watch(Stage stage, String side, RunViewModel vm) {
    vm.stateProperty().addListener((o, was, now) -> {
      boolean live = was == RunState.STARTING || was == RunState.RUNNING || was == RunState.PAUSED;
      String text = live ? finished(side, now, vm.statusProperty().get(), vm.failureProperty().get()) : null;
      if (text != null && !stage.isFocused()) {
        show(stage, "Duet Studio", text);
      }
    });
  }

  /** The notice for a side's run reaching {@code state}; null when there is none (still running, stopped). */
  static String finished(String side, RunState state, String status, String failure) {
    if (state == RunState.COMPLETED) {
      return side + " has finished training. " + status;
    }
    if (state == RunState.FAILED) {
      return side + " failed: " + failure;
    }
    return null;
  }

  static String saved(Path file) {
    return "Saved " + file.getFileName() + " in " + file.toAbsolutePath().getParent() + ".";
  }

  private static void show(Stage stage, String title, String text) {
    if (!stage.isShowing()) {
      return;
    }
    Notifications.create()
        .owner(stage)
        .title(title)
        .text(text)
        .position(Pos.BOTTOM_RIGHT)
        .hideAfter(SHOWN)
        .showInformation();
  }
}
