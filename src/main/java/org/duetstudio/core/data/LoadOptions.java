package org.duetstudio.core.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to load a folder of images: at a size the user picks or automatically, in colour or made grey. The
 * one place this choice lives; the window's data bar, the command line's {@code --size WxH} and {@code
 * --grey}, and a recorded data set's spec all go through it.
 *
 * <p>Automatic size: the most common size in the folder, scaled down to fit within {@value #AUTOMATIC_CAP}
 * × {@value #AUTOMATIC_CAP} when larger (keeping its proportions). Images of another size are scaled to
 * fill the target and the part outside it is cropped off evenly.
 *
 * @param width target width in pixels, or 0 for automatic
 * @param height target height in pixels, or 0 for automatic (0 exactly when width is 0)
 * @param grey true to make every image grey (one channel); false keeps colour when any image has it
 */
public record LoadOptions(int width, int height, boolean grey) {
  /** The largest side an automatically chosen size has. */
  public static final int AUTOMATIC_CAP = 64;

  /** The largest side a chosen size may have: beyond it the models train too slowly to be of use here. */
  public static final int MAX_SIDE = 256;

  /** Automatic size, colour kept. */
  public static final LoadOptions AUTOMATIC = new LoadOptions(0, 0, false);

  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})\\s*[x×X]\\s*(\\d{1,5})");
  private static final Pattern SPEC_SUFFIX =
      Pattern.compile("^(.+) \\[(?:(\\d{1,5})x(\\d{1,5}))?(?:, )?(grey)?\\]$");

  public LoadOptions {
    if ((width == 0) != (height == 0)) {
      throw new IllegalArgumentException("Give both a width and a height, or neither.");
    }
    if (width < 0 || height < 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "An image size runs from 1x1 to " + MAX_SIDE + "x" + MAX_SIDE + "; got " + width + "x" + height
              + ".");
    }
  }

  /** A fixed size, colour kept. */
  public static LoadOptions size(int width, int height) {
    return new LoadOptions(width, height, false);
  }

  /**
   * Parses "WxH" ("32x32", "64 x 48"); throws {@link IllegalArgumentException} with one sentence for
   * anything else.
   */
  public static LoadOptions parseSize(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an image size: write width x height, e.g. 32x32.");
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w == 0 || h == 0) {
      throw new IllegalArgumentException("An image size needs a width and a height of at least 1.");
    }
    return size(w, h);
  }

  public LoadOptions withGrey(boolean makeGrey) {
    return new LoadOptions(width, height, makeGrey);
  }

  public LoadOptions withSize(int w, int h) {
    return new LoadOptions(w, h, grey);
  }

  /** True when the size is taken from the images. */
  public boolean automaticSize() {
    return width == 0;
  }

  /** True when nothing is asked for: the loaders' own default. */
  public boolean isAutomatic() {
    return automaticSize() && !grey;
  }

  /** The spec that names {@code path} loaded this way ("photos [32x32, grey]"); the path alone when automatic. */
  public String spec(String path) {
    return isAutomatic() ? path : path + " [" + this + "]";
  }

  /** Splits a spec written by {@link #spec(String)} into its path and options. */
  public static Spec parseSpec(String spec) {
    Matcher m = SPEC_SUFFIX.matcher(spec);
    if (!m.matches() || (m.group(2) == null && m.group(4) == null)) {
      return new Spec(spec, AUTOMATIC);
    }
    int w = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int h = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return new Spec(m.group(1), new LoadOptions(w, h, m.group(4) != null));
  }

  /** A spec split into the path a user typed and the options it carries. */
  public record Spec(String path, LoadOptions options) {}

  /** "32x32, grey", "32x32", "grey", or "automatic". */
  @Override
  public String toString() {
    if (isAutomatic()) {
      return "automatic";
    }
    String size = automaticSize() ? "" : String.format(Locale.ROOT, "%dx%d", width, height);
    return grey ? (size.isEmpty() ? "grey" : size + ", grey") : size;
  }
}
