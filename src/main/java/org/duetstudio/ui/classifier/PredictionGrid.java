package org.duetstudio.ui.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.ui.common.FxImages;

/**
 * Test images with the classifier's answer under each: predicted class, a bar for its confidence, and
 * right or wrong shown twice — a mark before the class (✓ right, ✗ wrong) and the colour (green, red), so
 * it reads without colour too. The cells are made once and refreshed in place each epoch.
 */
public final class PredictionGrid extends TilePane {
  /** The mark before a right answer. */
  public static final String RIGHT_MARK = "✓";
  /** The mark before a wrong answer. */
  public static final String WRONG_MARK = "✗";
  static final int SHOWN = 40;

  private final List<Cell> cells = new ArrayList<>();
  private final double imageSize;

  public PredictionGrid() {
    this(56);
  }

  /** A grid whose images are {@code imageSize} pixels wide (larger in presenter view). */
  public PredictionGrid(double imageSize) {
    this.imageSize = imageSize;
    setHgap(6);
    setVgap(6);
    setPadding(new Insets(8));
    setPrefColumns(8);
    getStyleClass().add("prediction-grid");
  }

  /** Shows the first images of {@code test} with {@code p}'s answers (index for index). */
  public void show(ImageDataset test, Predictions p) {
    int n = test == null || p == null ? 0 : Math.min(SHOWN, p.size());
    while (cells.size() < n) {
      Cell c = new Cell(imageSize);
      cells.add(c);
      getChildren().add(c.root);
    }
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      c.root.setVisible(i < n);
      c.root.setManaged(i < n);
      if (i < n) {
        c.show(test, p, i);
      }
    }
  }

  /** Cells showing answers now. */
  public int shownCells() {
    return (int) cells.stream().filter(c -> c.root.isVisible()).count();
  }

  /** The text under cell {@code i} (mark and predicted class), for tests. */
  public String cellText(int i) {
    return cells.get(i).label.getText();
  }

  /** One answered image; also used for the images of a confusion-matrix cell. */
  static final class Cell {
    final VBox root;
    private final ImageView image = new ImageView();
    private final Label label = new Label();
    private final ProgressBar confidence = new ProgressBar();
    private final Tooltip tip = new Tooltip();

    Cell() {
      this(56);
    }

    Cell(double size) {
      image.setFitWidth(size);
      image.setFitHeight(size);
      image.setSmooth(false);
      label.getStyleClass().add("prediction-label");
      label.setMaxWidth(size + 40);
      confidence.setPrefWidth(size + 8);
      confidence.setPrefHeight(8);
      root = new VBox(2, image, label, confidence);
      root.setAlignment(Pos.CENTER);
      root.getStyleClass().add("prediction-cell");
      Tooltip.install(root, tip);
    }

    void show(ImageDataset test, Predictions p, int i) {
      image.setImage(FxImages.image(test.image(i), test.shape()));
      String predicted = p.classNames().get(p.predicted(i));
      label.setText((p.correct(i) ? RIGHT_MARK : WRONG_MARK) + " " + predicted);
      confidence.setProgress(p.confidence(i));
      root.getStyleClass().removeAll("right", "wrong");
      root.getStyleClass().add(p.correct(i) ? "right" : "wrong");
      tip.setText(
          String.format(
              Locale.ROOT,
              "true: %s%npredicted: %s (%.0f%% sure) — %s",
              p.classNames().get(p.actual(i)),
              predicted,
              100 * p.confidence(i),
              p.correct(i) ? "right" : "wrong"));
    }
  }
}
