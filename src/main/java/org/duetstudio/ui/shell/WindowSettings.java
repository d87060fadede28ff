package org.duetstudio.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import org.duetstudio.core.store.Json;

/**
 * What the window remembers between starts (in {@code window.json} in the studio's home folder): its size
 * and position, whether it was maximised, the two split dividers, the theme and the root font size. A
 * missing, damaged or nonsensical file is the defaults: the window must open whatever it holds.
 *
 * @param width 0 when never placed
 * @param sidesDivider the classifier/generator split, 0–1
 * @param judgeDivider the panes/judge split, 0–1 (0 when never moved: chosen by the screen's height)
 * @param theme "light" or "dark"
 * @param fontSize the root font size in pixels (zoom)
 */
public record WindowSettings(
    double x,
    double y,
    double width,
    double height,
    boolean maximized,
    double sidesDivider,
    double judgeDivider,
    String theme,
    double fontSize) {
  /** The root font size at zoom 100%. */
  public static final double BASE_FONT = 13;
  /** The zoom's bounds, in pixels of root font. */
  public static final double MIN_FONT = 8;
  public static final double MAX_FONT = 32;
  /** The size the window takes on a screen large enough for it. */
  public static final double PREFERRED_WIDTH = 1560;
  public static final double PREFERRED_HEIGHT = 960;
  /** The smallest size it may be given. */
  public static final double MIN_WIDTH = 900;
  public static final double MIN_HEIGHT = 560;

  public static final WindowSettings DEFAULTS =
      new WindowSettings(0, 0, 0, 0, false, 0.5, 0, "light", BASE_FONT);

  /** The settings with every value in range (anything else replaced by its default). */
  public WindowSettings {
    theme = Theme.named(theme).name().toLowerCase(Locale.ROOT);
    sidesDivider = inRange(sidesDivider, 0.15, 0.85) ? sidesDivider : 0.5;
    judgeDivider = inRange(judgeDivider, 0.2, 0.95) ? judgeDivider : 0;
    fontSize = inRange(fontSize, MIN_FONT, MAX_FONT) ? fontSize : BASE_FONT;
    if (!(Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0
        && Double.isFinite(width) && Double.isFinite(height))) {
      x = 0;
      y = 0;
      width = 0;
      height = 0;
    }
  }

  private static boolean inRange(double v, double lo, double hi) {
    return v >= lo && v <= hi; // false for NaN
  }

  /** The settings in {@code file}, or the defaults when it is missing or cannot be read. */
  public static WindowSettings read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return DEFAULTS;
    }
    try {
      WindowSettings s = Json.readFile(file, WindowSettings.class);
      return s == null ? DEFAULTS : s;
    } catch (IOException | RuntimeException e) {
      return DEFAULTS;
    }
  }

  /** Writes the settings to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    Json.writeFile(file, this);
  }

  public Theme chosenTheme() {
    return Theme.named(theme);
  }

  public WindowSettings withBounds(double nx, double ny, double w, double h, boolean max) {
    return new WindowSettings(nx, ny, w, h, max, sidesDivider, judgeDivider, theme, fontSize);
  }

  public WindowSettings withDividers(double sides, double judge) {
    return new WindowSettings(x, y, width, height, maximized, sides, judge, theme, fontSize);
  }

  public WindowSettings withTheme(Theme t) {
    return new WindowSettings(
        x, y, width, height, maximized, sidesDivider, judgeDivider, t.name().toLowerCase(Locale.ROOT),
        fontSize);
  }

  public WindowSettings withFontSize(double size) {
    return new WindowSettings(x, y, width, height, maximized, sidesDivider, judgeDivider, theme, size);
  }

  /**
   * Where the window goes: where it was, if that still lies on one of {@code screens} (visual bounds:
   * the screen without task bars and docks), cut to that screen; otherwise the preferred size, or the
   * whole visual bounds of {@code primary} when the screen is smaller, centred on it.
   */
  public Rectangle2D placement(List<Rectangle2D> screens, Rectangle2D primary) {
    if (width > 0) {
      double cx = x + width / 2;
      double cy = y + Math.min(height, 40) / 2; // the title bar must be on a screen to move it
      for (Rectangle2D s : screens) {
        if (s.contains(cx, cy)) {
          return cut(new Rectangle2D(x, y, width, height), s);
        }
      }
    }
    double w = Math.min(PREFERRED_WIDTH, primary.getWidth());
    double h = Math.min(PREFERRED_HEIGHT, primary.getHeight());
    return new Rectangle2D(
        primary.getMinX() + (primary.getWidth() - w) / 2, primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
  }

  /** {@code r} made to fit inside {@code screen}: no larger, moved in where it sticks out. */
  private static Rectangle2D cut(Rectangle2D r, Rectangle2D screen) {
    double w = Math.min(r.getWidth(), screen.getWidth());
    double h = Math.min(r.getHeight(), screen.getHeight());
    double nx = Math.max(screen.getMinX(), Math.min(r.getMinX(), screen.getMaxX() - w));
    double ny = Math.max(screen.getMinY(), Math.min(r.getMinY(), screen.getMaxY() - h));
    return new Rectangle2D(nx, ny, w, h);
  }
}
