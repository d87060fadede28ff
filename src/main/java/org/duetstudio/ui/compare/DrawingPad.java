package org.duetstudio.ui.compare;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.duetstudio.core.data.ImageShape;

/**
 * A square to draw on with the mouse: white ink on black, like Fashion-MNIST. {@link #pixels} shrinks the
 * drawing to the data's image size (averaging blocks), so the models see it as they saw their images.
 */
public final class DrawingPad extends Canvas {
  private static final double BRUSH = 22;
  private Runnable onDrawn = () -> {};

  public DrawingPad(double size) {
    super(size, size);
    getStyleClass().add("drawing-pad");
    clear();
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dab(e.getX(), e.getY()));
    addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dab(e.getX(), e.getY()));
    addEventHandler(MouseEvent.MOUSE_RELEASED, e -> onDrawn.run());
  }

  /** Called when a stroke ends. */
  public void setOnDrawn(Runnable r) {
    onDrawn = r;
  }

  public void clear() {
    GraphicsContext g = getGraphicsContext2D();
    g.setFill(Color.BLACK);
    g.fillRect(0, 0, getWidth(), getHeight());
  }

  /** Paints a round dab of ink centred at (x, y). */
  public void dab(double x, double y) {
    GraphicsContext g = getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillOval(x - BRUSH / 2, y - BRUSH / 2, BRUSH, BRUSH);
  }

  /** The drawing as a row of the given shape: grey levels in [0, 1], repeated in every channel. */
  public float[] pixels(ImageShape shape) {
    int size = (int) getWidth();
    WritableImage img = snapshot(null, new WritableImage(size, size));
    PixelReader r = img.getPixelReader();
    int w = shape.width();
    int h = shape.height();
    float[] grey = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int x0 = x * size / w;
        int x1 = Math.max(x0 + 1, (x + 1) * size / w);
        int y0 = y * size / h;
        int y1 = Math.max(y0 + 1, (y + 1) * size / h);
        double sum = 0;
        for (int yy = y0; yy < y1; yy++) {
          for (int xx = x0; xx < x1; xx++) {
            sum += r.getColor(xx, yy).getBrightness();
          }
        }
        grey[y * w + x] = (float) (sum / ((x1 - x0) * (y1 - y0)));
      }
    }
    float[] row = new float[shape.length()];
    for (int c = 0; c < shape.channels(); c++) {
      System.arraycopy(grey, 0, row, c * w * h, w * h);
    }
    return row;
  }
}
