package org.duetstudio.app;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an exception nobody caught becomes: one line with its stack trace in the log file, and one dialog
 * that says what happened in a sentence and where the details are, instead of a silent failure. While the
 * dialog is open, further ones are logged and counted, not shown.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

  private final Window owner;
  private final Path logFile;
  private boolean showing;
  private int more;

  private UncaughtErrors(Window owner, Path logFile) {
    this.owner = owner;
    this.logFile = logFile;
  }

  /** Installs the handler for every thread and for the FX thread; call on the FX thread. */
  static UncaughtErrors install(Window owner, Path logFile) {
    UncaughtErrors h = new UncaughtErrors(owner, logFile);
    Thread.setDefaultUncaughtExceptionHandler(h);
    Thread.currentThread().setUncaughtExceptionHandler(h);
    return h;
  }

  @Override
  public void uncaughtException(Thread t, Throwable e) {
    LOG.error("uncaught on thread {}", t.getName(), e);
    try {
      if (Platform.isFxApplicationThread()) {
        show(e);
      } else {
        Platform.runLater(() -> show(e));
      }
    } catch (IllegalStateException toolkitGone) {
      // the FX toolkit has stopped (the window is closing): the log holds it
    }
  }

  /** The dialog's sentence for {@code e}. */
  static String sentence(Throwable e, Path logFile) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root.getMessage() == null || root.getMessage().isBlank()
        ? root.getClass().getSimpleName()
        : root.getMessage().strip();
    return "Something went wrong that the studio did not expect (" + what + "); what you had is still"
        + " there. "
        + (logFile == null ? "" : "The details are in " + logFile + ".");
  }

  private void show(Throwable e) {
    if (showing) {
      more++;
      return;
    }
    showing = true;
    more = 0;
    Alert a = new Alert(Alert.AlertType.ERROR, sentence(e, logFile), ButtonType.OK);
    a.setTitle("Duet Studio");
    a.setHeaderText("An unexpected error");
    if (owner != null && owner.isShowing()) {
      a.initOwner(owner);
    }
    a.setOnHidden(
        ev -> {
          showing = false;
          if (more > 0) {
            LOG.warn("{} more unexpected error(s) while the dialog was open; see above", more);
          }
        });
    a.show(); // not showAndWait: this may run during layout or an animation
  }
}
