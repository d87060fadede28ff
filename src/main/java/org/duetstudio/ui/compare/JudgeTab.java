package org.duetstudio.ui.compare;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import org.duetstudio.ui.common.SidePanes;

/**
 * One tab of the judge's pane: its views are built at once (they are updated while hidden) but join the
 * scene when the tab is first shown.
 */
abstract class JudgeTab {
  static final String NOT_READY =
      "Train a classifier and a generator on the same data; once both have finished, this fills in.";

  private Tab tab;

  /** The tab, for the judge's pane. */
  final Tab tab() {
    return tab;
  }

  /** Called once, by the subclass's constructor, with its views. */
  final void build(String name, Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    tab = SidePanes.lazyTab(name, () -> s);
  }

  /** The same for a tab shown from the start: in place, without a scroll bar. */
  final void buildShown(String name, Node content) {
    tab = SidePanes.tab(name, content);
  }

  static VBox box(Node... children) {
    VBox b = new VBox(6, children);
    b.setPadding(new Insets(6));
    return b;
  }
}
