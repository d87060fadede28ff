package org.duetstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.duetstudio.core.data.ImageShape;

/**
 * A row (wrapping) of images, each with a caption and optionally a bar: an interpolation with the
 * classifier's label and confidence at every step, samples beside their nearest training images.
 */
public final class LabelledImages extends TilePane {
  private final int size;

  /** @param size displayed width and height of each image, in pixels */
  public LabelledImages(int size) {
    this.size = size;
    setHgap(4);
    setVgap(6);
    setPadding(new Insets(4));
    getStyleClass().add("labelled-images");
  }

  /**
   * Shows {@code images} with {@code captions} (index for index) and, when {@code bars} is not null, a
   * bar of each value in [0, 1] under it. Empty lists clear the view.
   */
  public void show(List<float[]> images, ImageShape shape, List<String> captions, float[] bars) {
    List<Node> cells = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      ImageView v = new ImageView(FxImages.image(images.get(i), shape));
      v.setFitWidth(size);
      v.setFitHeight(size);
      v.setSmooth(false);
      Label text = new Label(captions.get(i));
      text.getStyleClass().add("prediction-label");
      text.setMaxWidth(size + 16);
      VBox cell = new VBox(2, v, text);
      if (bars != null) {
        ProgressBar bar = new ProgressBar(bars[i]);
        bar.setPrefWidth(size);
        bar.setPrefHeight(8);
        cell.getChildren().add(bar);
      }
      cell.setAlignment(Pos.CENTER);
      cells.add(cell);
    }
    getChildren().setAll(cells);
  }

  /** Cells shown now. */
  public int shown() {
    return getChildren().size();
  }
}
