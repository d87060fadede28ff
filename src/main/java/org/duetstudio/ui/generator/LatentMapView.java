package org.duetstudio.ui.generator;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.duetstudio.core.training.GeneratorSnapshot;

/**
 * Test images placed at their 2-D latent codes, coloured by their true class — which the generator never
 * saw. Classes that form their own regions show the generator has found the structure by itself.
 */
public final class LatentMapView extends Canvas {
  /** One colour per class (index mod 10), shared by every view that colours classes. */
  public static final Color[] PALETTE = {
    Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
    Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
    Color.web("#bcbd22"), Color.web("#17becf")
  };

  public LatentMapView(double size) {
    super(size + 130, size);
  }

  public void show(GeneratorSnapshot s) {
    GraphicsContext g = getGraphicsContext2D();
    double w = getHeight();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, getWidth(), getHeight());
    g.setStroke(Color.LIGHTGRAY);
    g.strokeRect(0.5, 0.5, w - 1, w - 1);
    if (s == null || !s.hasLatentMap()) {
      return;
    }
    double extent = s.manifoldExtent() * 1.4;
    g.strokeLine(w / 2, 0, w / 2, w);
    g.strokeLine(0, w / 2, w, w / 2);
    List<float[]> pts = s.latentPoints();
    int[] labels = s.latentLabels();
    for (int i = 0; i < pts.size(); i++) {
      double x = (pts.get(i)[0] / extent + 1) / 2 * w;
      double y = (1 - (pts.get(i)[1] / extent + 1) / 2) * w;
      g.setFill(PALETTE[labels[i] % PALETTE.length].deriveColor(0, 1, 1, 0.75));
      g.fillOval(x - 2.5, y - 2.5, 5, 5);
    }
    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    for (int c = 0; c < s.classNames().size(); c++) {
      double y = 12 + c * 16;
      g.setFill(PALETTE[c % PALETTE.length]);
      g.fillOval(w + 10, y - 4, 8, 8);
      g.setFill(Color.BLACK);
      g.fillText(s.classNames().get(c), w + 22, y);
    }
  }
}
