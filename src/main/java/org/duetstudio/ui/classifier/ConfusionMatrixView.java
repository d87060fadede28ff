package org.duetstudio.ui.classifier;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.duetstudio.core.eval.ConfusionMatrix;

/**
 * The confusion matrix as a heat map: rows are the true classes, columns the predicted ones, each cell's
 * shade its share of the row. The diagonal is what the classifier gets right; a dark cell off it is a
 * pair of classes it mixes up. Clicking a cell — or, from the keyboard, Tab to the matrix, the arrow keys
 * to a cell, then Enter or Space — shows its images. Cells are made once per set of classes and recoloured
 * in place (no style sheets parsed per update).
 */
public final class ConfusionMatrixView extends GridPane {
  private static final Color RIGHT = Color.web("#2e7d32");
  private static final Color WRONG = Color.web("#c62828");

  private final BiConsumer<Integer, Integer> onCell;
  private final Label empty = new Label("Train a classifier to see which classes it confuses.");
  private List<String> classes = List.of();
  private Label[][] cells = new Label[0][0];

  public ConfusionMatrixView(BiConsumer<Integer, Integer> onCell) {
    this.onCell = onCell;
    setHgap(1);
    setVgap(1);
    getStyleClass().add("confusion-matrix");
    add(empty, 0, 0);
  }

  public void show(ConfusionMatrix m) {
    if (m == null) {
      getChildren().setAll(empty);
      classes = List.of();
      cells = new Label[0][0];
      return;
    }
    if (!m.classNames().equals(classes)) {
      build(m.classNames());
    }
    int k = m.numClasses();
    for (int a = 0; a < k; a++) {
      int support = Math.max(1, m.support(a));
      for (int p = 0; p < k; p++) {
        int count = m.count(a, p);
        double share = (double) count / support;
        Label cell = cells[a][p];
        cell.setText(String.valueOf(count));
        Color fill = Color.WHITE.interpolate(a == p ? RIGHT : WRONG, Math.min(1, share * (a == p ? 1 : 2.5)));
        cell.setBackground(new Background(new BackgroundFill(fill, CornerRadii.EMPTY, Insets.EMPTY)));
        cell.setTextFill(fill.getBrightness() < 0.6 ? Color.WHITE : Color.BLACK);
        cell.getTooltip()
            .setText(
                String.format(
                    Locale.ROOT,
                    "%d %s predicted as %s (%.1f%% of the row); click or press Enter to see them",
                    count,
                    classes.get(a),
                    classes.get(p),
                    100 * share));
      }
    }
  }

  private void build(List<String> names) {
    classes = List.copyOf(names);
    int k = names.size();
    getChildren().clear();
    cells = new Label[k][k];
    Label corner = new Label("true ↓  predicted →");
    corner.getStyleClass().add("matrix-corner");
    add(corner, 0, 0);
    for (int c = 0; c < k; c++) {
      Label col = new Label(abbreviate(names.get(c)));
      col.getStyleClass().add("matrix-header");
      col.setTooltip(new Tooltip(names.get(c)));
      add(col, c + 1, 0);
      Label row = new Label(names.get(c));
      row.getStyleClass().add("matrix-header");
      add(row, 0, c + 1);
    }
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        Label cell = new Label();
        cell.setMinSize(42, 26);
        cell.setAlignment(Pos.CENTER);
        cell.getStyleClass().add("matrix-cell");
        cell.setTooltip(new Tooltip());
        final int aa = a;
        final int pp = p;
        cell.setOnMouseClicked(e -> {
          cell.requestFocus();
          onCell.accept(aa, pp);
        });
        // one cell of the matrix is a tab stop (the diagonal's first); the arrows move between cells
        cell.setFocusTraversable(a == 0 && p == 0);
        cell.addEventHandler(KeyEvent.KEY_PRESSED, e -> onKey(e, aa, pp));
        cell.focusedProperty().addListener((o, was, is) -> {
          if (is) {
            cell.setAccessibleText(cell.getTooltip().getText());
          }
        });
        cells[a][p] = cell;
        add(cell, p + 1, a + 1);
      }
    }
  }

  /** Enter or Space shows the cell's images; the arrow keys move to the next cell. */
  private void onKey(KeyEvent e, int a, int p) {
    int k = cells.length;
    int na = a;
    int np = p;
    KeyCode code = e.getCode();
    if (code == KeyCode.ENTER || code == KeyCode.SPACE) {
      onCell.accept(a, p);
      e.consume();
      return;
    }
    switch (code) {
      case UP, KP_UP -> na = Math.max(0, a - 1);
      case DOWN, KP_DOWN -> na = Math.min(k - 1, a + 1);
      case LEFT, KP_LEFT -> np = Math.max(0, p - 1);
      case RIGHT, KP_RIGHT -> np = Math.min(k - 1, p + 1);
      case HOME -> np = 0;
      case END -> np = k - 1;
      default -> {
        return;
      }
    }
    e.consume();
    cells[na][np].requestFocus();
  }

  /** The cell node, for tests (null when nothing is shown). */
  public Label cell(int actual, int predicted) {
    return actual < cells.length ? cells[actual][predicted] : null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 7 ? s : s.substring(0, 6) + "…";
  }
}
