package org.duetstudio.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the window: a folder, IDX files or a CSV file open as data through {@link
 * DatasetViewModel#openDropped(List)} (the same path as "Open data…"), one image file is handed to {@code
 * askImage} (ask the classifier), anything else gets one sentence in the data bar.
 */
public final class DropTarget {
  private static final String HOVER_CLASS = "drop-hover";

  private DropTarget() {}

  /** Installs the drop handling on {@code node} (the window's root). */
  public static void install(Node node, DatasetViewModel dataset, Consumer<Path> askImage) {
    node.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles() && !dataset.loadingProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            if (!node.getStyleClass().contains(HOVER_CLASS)) {
              node.getStyleClass().add(HOVER_CLASS);
            }
          }
          e.consume();
        });
    node.addEventHandler(DragEvent.DRAG_EXITED, e -> node.getStyleClass().remove(HOVER_CLASS));
    node.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          node.getStyleClass().remove(HOVER_CLASS);
          Dragboard board = e.getDragboard();
          boolean done = false;
          if (board.hasFiles()) {
            Path image = dataset.openDropped(board.getFiles().stream().map(File::toPath).toList());
            if (image != null) {
              askImage.accept(image);
            }
            done = true;
          }
          e.setDropCompleted(done);
          e.consume();
        });
  }
}
