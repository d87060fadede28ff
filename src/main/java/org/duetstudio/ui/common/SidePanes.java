package org.duetstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The parts both side panes are built from: header, model picker, settings, failure line, tabs. */
public final class SidePanes {
  private SidePanes() {}

  /** Title, a one-line subtitle and the pane's "?" button. */
  public static HBox header(String title, String subtitle, String helpKey) {
    Label t = new Label(title);
    t.getStyleClass().add("pane-title");
    Label s = new Label(subtitle);
    s.getStyleClass().add("pane-subtitle");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(8, t, s, spacer, Explanations.button(helpKey));
    header.setAlignment(Pos.BASELINE_LEFT);
    return header;
  }

  /** A picker of model kinds, locked while a run is active. */
  public static <K> HBox modelPicker(
      K[] kinds, Function<K, String> name, ObjectProperty<K> kind, ObservableBooleanValue locked) {
    ComboBox<K> box = new ComboBox<>();
    box.getItems().setAll(kinds);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(K k) {
            return k == null ? "" : name.apply(k);
          }

          @Override
          public K fromString(String s) {
            return null;
          }
        });
    box.valueProperty().bindBidirectional(kind);
    box.disableProperty().bind(locked);
    box.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(box, Priority.ALWAYS);
    Label label = new Label("Model");
    label.setMinWidth(Region.USE_PREF_SIZE);
    HBox row = new HBox(8, label, box);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /**
   * The settings sheet in a collapsible pane whose title summarises them (folded at first); locked while
   * training.
   */
  public static TitledPane settings(
      Node sheet, ObservableValue<?> spec, Function<Object, String> summary, ObservableBooleanValue locked) {
    TitledPane pane = new TitledPane();
    // the sheet (a field per setting) joins the scene when first opened: the window's first style and
    // layout pass skips it while it is folded
    pane.expandedProperty().addListener((o, was, is) -> {
      if (is && pane.getContent() == null) {
        pane.setContent(sheet);
      }
    });
    pane.textProperty()
        .bind(Bindings.createStringBinding(() -> "Settings — " + summary.apply(spec.getValue()), spec));
    pane.setExpanded(false);
    pane.disableProperty().bind(locked);
    return pane;
  }

  /** A red line with the run's failure, shown only when there is one. */
  public static Label failureBanner(RunViewModel vm) {
    Label failure = new Label();
    failure.getStyleClass().add("error-banner");
    failure.setWrapText(true);
    failure.setMaxWidth(Double.MAX_VALUE);
    failure.textProperty().bind(vm.failureProperty());
    failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
    failure.managedProperty().bind(failure.visibleProperty());
    return failure;
  }

  /** A picker of a class by name; its value is the class index. */
  public static ClassPicker classPicker() {
    return new ClassPicker();
  }

  /** Fills a {@link #classPicker()} with {@code names}, keeping its choice where it still exists. */
  public static void setClasses(
      ComboBox<Integer> box, List<String> names, int fallback) {
    ((ClassPicker) box).setClasses(names, fallback);
  }

  /** A combo box of class indices shown by their names. */
  public static final class ClassPicker extends ComboBox<Integer> {
    private List<String> names = List.of();

    ClassPicker() {
      setConverter(
          new StringConverter<>() {
            @Override
            public String toString(Integer i) {
              return i == null || i >= names.size() ? "" : names.get(i);
            }

            @Override
            public Integer fromString(String s) {
              return names.indexOf(s);
            }
          });
    }

    void setClasses(List<String> classNames, int fallback) {
      Integer was = getValue();
      names = List.copyOf(classNames);
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        idx.add(i);
      }
      getItems().setAll(idx);
      setValue(was != null && was < names.size() ? was : Math.min(fallback, names.size() - 1));
    }
  }

  /** A right-aligned "?" for a tab's content. */
  public static HBox helpRow(String key) {
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(spacer, Explanations.button(key));
    row.setAlignment(Pos.CENTER_RIGHT);
    return row;
  }

  /**
   * {@code content} filling the tab, but scrolling (vertically) when the tab is lower than its content's
   * least height — charts keep a readable height instead of being squashed.
   */
  public static ScrollPane scrolling(Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    s.setFitToHeight(true);
    s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return s;
  }

  public static Tab tab(String name, Node content) {
    Tab t = new Tab(name, content);
    t.setClosable(false);
    return t;
  }

  /**
   * A tab whose content joins the scene only when the tab is first shown: the window's first style and
   * layout pass then skips the tabs nobody has opened (it was the longest wait of the UI thread at start).
   */
  public static Tab lazyTab(String name, Supplier<Node> content) {
    Tab t = new Tab(name);
    t.setClosable(false);
    Runnable attach =
        () -> {
          if (t.getContent() == null) {
            t.setContent(content.get());
          }
        };
    t.selectedProperty().addListener((o, was, is) -> {
      if (is) {
        attach.run();
      }
    });
    if (t.isSelected()) {
      attach.run();
    }
    return t;
  }
}
