package org.duetstudio.core.store;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.duetstudio.core.data.ImageShape;

/** Draws image grids to PNG files (prediction grids, sample grids) for reports and the command line. */
public final class ImageGrids {
  private static final Color RIGHT = new Color(0x2E7D32);
  private static final Color WRONG = new Color(0xC62828);

  private ImageGrids() {}

  /** A caption under an image and the colour of its frame (null: no frame). */
  public record Caption(String text, Color frame) {
    public static Caption judged(String text, boolean right) {
      return new Caption(text, right ? RIGHT : WRONG);
    }
  }

  /** One pixel row as an RGB image (grey images are drawn grey). */
  public static BufferedImage toImage(float[] row, ImageShape shape) {
    int w = shape.width();
    int h = shape.height();
    int plane = w * h;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int p = 0; p < plane; p++) {
      int r = clamp(row[p]);
      int g = shape.channels() == 3 ? clamp(row[plane + p]) : r;
      int b = shape.channels() == 3 ? clamp(row[2 * plane + p]) : r;
      img.setRGB(p % w, p / w, (r << 16) | (g << 8) | b);
    }
    return img;
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v * 255)));
  }

  /**
   * Writes the images as a grid, {@code columns} wide, each scaled up to about 84 pixels, with an
   * optional caption each (captions may be null).
   */
  public static void write(
      Path file, List<float[]> images, ImageShape shape, int columns, List<Caption> captions)
      throws IOException {
    BufferedImage grid = render(images, shape, columns, captions);
    AtomicFiles.write(file, out -> ImageIO.write(grid, "png", out));
  }

  public static BufferedImage render(
      List<float[]> images, ImageShape shape, int columns, List<Caption> captions) {
    int scale = Math.max(1, 84 / Math.max(shape.width(), shape.height()));
    int cw = shape.width() * scale;
    int ch = shape.height() * scale;
    int pad = 6;
    int captionH = captions == null ? 0 : 16;
    int cols = Math.max(1, Math.min(columns, images.size()));
    int rows = (images.size() + cols - 1) / cols;
    int cellW = cw + 2 * pad;
    int cellH = ch + 2 * pad + captionH;
    BufferedImage grid =
        new BufferedImage(Math.max(1, cols * cellW), Math.max(1, rows * cellH), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < images.size(); i++) {
        int x = (i % cols) * cellW + pad;
        int y = (i / cols) * cellH + pad;
        g.drawImage(toImage(images.get(i), shape), x, y, cw, ch, null);
        if (captions != null && i < captions.size() && captions.get(i) != null) {
          Caption c = captions.get(i);
          if (c.frame() != null) {
            g.setColor(c.frame());
            g.setStroke(new BasicStroke(3));
            g.drawRect(x - 2, y - 2, cw + 3, ch + 3);
            g.setColor(c.frame());
          } else {
            g.setColor(Color.DARK_GRAY);
          }
          String text = c.text();
          int max = cellW - 4;
          if (g.getFontMetrics().stringWidth(text) > max) {
            while (text.length() > 1 && g.getFontMetrics().stringWidth(text + "…") > max) {
              text = text.substring(0, text.length() - 1);
            }
            text += "…";
          }
          g.drawString(text, x - pad + 2, y + ch + 14);
        }
      }
    } finally {
      g.dispose();
    }
    return grid;
  }
}
