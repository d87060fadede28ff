package org.duetstudio.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.duetstudio.ui.common.BackgroundTasks;
import org.slf4j.LoggerFactory;

/**
 * The window's view state — the root font size (zoom), the theme, presenter view — and what it remembers
 * between starts ({@link WindowSettings}, kept in {@value #FILE} in the studio's home folder). Changes are
 * written in the background, at most about twice a second, one write after the other.
 */
public final class WindowState {
  /** The settings file's name in the studio's home folder. */
  public static final String FILE = "window.json";
  /** How much larger everything is in presenter view. */
  public static final double PRESENTER_SCALE = 1.45;
  /** One zoom step. */
  public static final double ZOOM_STEP = 1.1;

  private final Path file;
  private final BackgroundTasks writes;
  private final DoubleProperty fontSize = new SimpleDoubleProperty();
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
  private final BooleanProperty presenter = new SimpleBooleanProperty(false);
  private final DoubleBinding rootFontSize;
  private final PauseTransition debounce = new PauseTransition(Duration.millis(500));
  private WindowSettings settings;
  private boolean pending;

  /**
   * @param home the studio's home folder ({@code ~/.duet-studio}); null keeps the settings in memory only
   * @param tasks where the file is written
   */
  public WindowState(Path home, BackgroundTasks tasks) {
    this.file = home == null ? null : home.resolve(FILE);
    this.writes = tasks.oneAtATime();
    this.settings = WindowSettings.read(file);
    fontSize.set(settings.fontSize());
    theme.set(settings.chosenTheme());
    rootFontSize =
        Bindings.createDoubleBinding(
            () -> fontSize.get() * (presenter.get() ? PRESENTER_SCALE : 1), fontSize, presenter);
    fontSize.addListener((o, a, b) -> update(s -> s.withFontSize(b.doubleValue())));
    theme.addListener((o, a, b) -> update(s -> s.withTheme(b)));
    debounce.setOnFinished(e -> writeInBackground());
  }

  /** What is remembered now. */
  public WindowSettings settings() {
    return settings;
  }

  /** Changes what is remembered; it is written shortly after. */
  public void update(UnaryOperator<WindowSettings> change) {
    WindowSettings next = change.apply(settings);
    if (next.equals(settings)) {
      return;
    }
    settings = next;
    pending = true;
    debounce.playFromStart();
  }

  /** Writes what is pending now, on this thread (the window is closing). */
  public void flush() {
    debounce.stop();
    if (pending && file != null) {
      pending = false;
      write(settings);
    }
  }

  private void writeInBackground() {
    if (!pending || file == null) {
      return;
    }
    pending = false;
    WindowSettings now = settings;
    writes.run(() -> write(now), x -> {}, t -> {});
  }

  private boolean write(WindowSettings s) {
    try {
      s.write(file);
      return true;
    } catch (IOException e) {
      // the window works without it
      LoggerFactory.getLogger(WindowState.class).info("could not remember the window in {}: {}", file, e.getMessage());
      return false;
    }
  }

  /** Everything a step larger (Ctrl +). */
  public void zoomIn() {
    fontSize.set(Math.min(WindowSettings.MAX_FONT, Math.round(fontSize.get() * ZOOM_STEP * 2) / 2.0));
  }

  /** Everything a step smaller (Ctrl −). */
  public void zoomOut() {
    fontSize.set(Math.max(WindowSettings.MIN_FONT, Math.round(fontSize.get() / ZOOM_STEP * 2) / 2.0));
  }

  /** Back to 100% (Ctrl 0). */
  public void resetZoom() {
    fontSize.set(WindowSettings.BASE_FONT);
  }

  /** The root font size chosen by zoom, in pixels (remembered). */
  public DoubleProperty fontSizeProperty() {
    return fontSize;
  }

  /** The root font size the window uses: the zoom's, larger in presenter view. */
  public DoubleBinding rootFontSizeProperty() {
    return rootFontSize;
  }

  /** The theme (remembered). */
  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Presenter view: the predictions beside the samples, large, with nothing for developers (not remembered). */
  public BooleanProperty presenterProperty() {
    return presenter;
  }
}
