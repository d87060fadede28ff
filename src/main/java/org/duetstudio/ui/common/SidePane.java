package org.duetstudio.ui.common;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the classifier's and the generator's panes share: the header, the model choice, Train/Pause/Stop,
 * the settings sheet (locked while training), the failure line and the tabs. A subclass adds its tabs and
 * what differs.
 *
 * @param <S> the settings record
 */
public abstract class SidePane<S extends Record> extends VBox {
  /**
   * The pane's title, a one-line subtitle, the key of its "?" and its style class.
   */
  public record Header(String title, String subtitle, String helpKey, String styleClass) {}

  private final HBox modelRow;
  private final RunControls controls;
  private final SpecSheet<S> sheet;
  private final TitledPane settings;
  private final TabPane tabs = new TabPane();

  /**
   * @param kinds the model kinds to choose from, each shown by {@code kindName}
   * @param summary the settings in one line, the settings pane's title
   * @param canTrain whether Train is possible (data and libraries loaded)
   * @param train starts a run
   */
  // the constructor lays the pane out through VBox's own methods, which no subclass overrides
  @SuppressWarnings("this-escape")
  protected <K> SidePane(
      Header header,
      RunViewModel vm,
      K[] kinds,
      Function<K, String> kindName,
      ObjectProperty<K> kind,
      SpecSheet<S> sheet,
      Function<S, String> summary,
      ObservableBooleanValue canTrain,
      Runnable train) {
    this.sheet = sheet;
    this.modelRow = SidePanes.modelPicker(kinds, kindName, kind, vm.activeProperty());
    this.controls = new RunControls(vm, canTrain, train);
    this.settings =
        SidePanes.settings(
            sheet.node(), sheet.specProperty(), s -> summary.apply(sheet.specProperty().get()),
            vm.activeProperty());
    Label failure = SidePanes.failureBanner(vm);
    getStyleClass().addAll("side-pane", header.styleClass());
    VBox.setVgrow(tabs, Priority.ALWAYS);
    setSpacing(8);
    setPadding(new Insets(10));
    getChildren()
        .addAll(
            SidePanes.header(header.title(), header.subtitle(), header.helpKey()),
            modelRow,
            controls,
            settings,
            failure,
            tabs);
  }

  /** Adds the pane's tabs, in order. */
  protected final void addTabs(Tab... t) {
    tabs.getTabs().addAll(t);
  }

  /** Puts {@code node} just above the tabs. */
  protected final void addAboveTabs(Node node) {
    getChildren().add(getChildren().indexOf(tabs), node);
  }

  /** The row with the model choice, for what else a pane chooses there. */
  protected final HBox modelRow() {
    return modelRow;
  }

  // accessors for tests: nodes are clicked by reference

  public final RunControls controls() {
    return controls;
  }

  public final SpecSheet<S> sheet() {
    return sheet;
  }

  public final TitledPane settingsPane() {
    return settings;
  }

  public final TabPane tabs() {
    return tabs;
  }
}
