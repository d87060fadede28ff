package org.duetstudio.ui.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.duetstudio.core.config.Doc;

/**
 * A ControlsFX {@link PropertySheet} for a spec record: one row per documented numeric component, labelled
 * and described by its {@link Doc}. A value is committed on Enter or when the field loses focus, by
 * building a new record — so the record's own validation decides. A refused value stays in its field,
 * marked, with the reason shown under the sheet; the spec keeps its last valid value.
 */
public final class SpecSheet<R extends Record> {
  private final ObjectProperty<R> spec;
  private final Class<R> type;
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final Map<String, TextField> fields = new LinkedHashMap<>();
  private final VBox root;

  private final Function<R, Set<String>> visible;
  private final List<ComponentItem> items = new ArrayList<>();
  private final PropertySheet sheet = new PropertySheet();
  private Set<String> shown;

  /** A sheet of all documented numeric fields. */
  public SpecSheet(Class<R> type, ObjectProperty<R> spec) {
    this(type, spec, r -> null);
  }

  /**
   * @param visible the fields to show for a given spec (e.g. those its model kind reads); null for all
   */
  public SpecSheet(
      Class<R> type, ObjectProperty<R> spec, Function<R, Set<String>> visible) {
    this.type = type;
    this.spec = spec;
    this.visible = visible;
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setPropertyEditorFactory(
        item -> item instanceof SpecSheet<?>.ComponentItem c ? c.editor() : null);
    RecordComponent[] components = type.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      if (c.getAnnotation(Doc.class) != null && isNumeric(c.getType())) {
        items.add(new ComponentItem(c, i));
      }
    }
    sheet.setMinHeight(Region.USE_PREF_SIZE);
    showItems();
    spec.addListener(
        (o, old, now) -> {
          showItems();
          for (ComponentItem item : items) {
            TextField f = fields.get(item.component.getName());
            if (f != null && !(f.isFocused() && f.getStyleClass().contains("invalid"))) {
              f.setText(format(item.getValue()));
            }
          }
        });
    Label message = new Label();
    message.getStyleClass().add("error-text");
    message.setWrapText(true);
    message.textProperty().bind(error);
    message.visibleProperty().bind(error.isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    root = new VBox(4, sheet, message);
    root.getStyleClass().add("spec-sheet");
  }

  /** Shows the rows the current spec uses; rebuilt only when that set changes. */
  private void showItems() {
    Set<String> v = visible.apply(spec.get());
    if (Objects.equals(v, shown) && !sheet.getItems().isEmpty()) {
      return;
    }
    shown = v;
    fields.clear();
    sheet.getItems().setAll(
        items.stream().filter(i -> v == null || v.contains(i.component.getName())).toList());
    // tall enough for every row: settings are few, and a scroll bar inside a pane hides them
    sheet.setPrefHeight(34.0 * sheet.getItems().size() + 12);
    error.set("");
  }

  /** The settings this sheet edits. */
  public ObjectProperty<R> specProperty() {
    return spec;
  }

  public Node node() {
    return root;
  }

  /** Why the last edit was refused; empty when the fields hold the spec. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The field editing a component, for tests and keyboard focus. */
  public TextField field(String component) {
    return fields.get(component);
  }

  private static boolean isNumeric(Class<?> t) {
    return t == int.class || t == long.class || t == double.class;
  }

  private final class ComponentItem implements PropertySheet.Item {
    private final RecordComponent component;
    private final int index;
    private final Doc doc;

    ComponentItem(RecordComponent component, int index) {
      this.component = component;
      this.index = index;
      this.doc = component.getAnnotation(Doc.class);
    }

    @Override
    public Class<?> getType() {
      return component.getType();
    }

    @Override
    public String getCategory() {
      return "Settings";
    }

    @Override
    public String getName() {
      return doc.label().isEmpty() ? component.getName() : doc.label();
    }

    @Override
    public String getDescription() {
      return doc.value();
    }

    @Override
    public Object getValue() {
      return read(spec.get(), component);
    }

    @Override
    public void setValue(Object value) {
      R current = spec.get();
      Object[] args =
          Arrays.stream(type.getRecordComponents()).map(c -> read(current, c)).toArray();
      args[index] = value;
      try {
        Constructor<R> ctor =
            type.getDeclaredConstructor(
                Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        spec.set(ctor.newInstance(args));
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
      return Optional.empty(); // the editor follows the spec itself
    }

    PropertyEditor<?> editor() {
      TextField field = new TextField();
      field.setPrefColumnCount(8);
      field.setTooltip(new Tooltip(doc.value()));
      fields.put(component.getName(), field);
      field.setText(format(getValue()));
      field.setOnAction(e -> commit(field));
      field.focusedProperty().addListener((obs, was, is) -> {
        if (!is) {
          commit(field);
        }
      });
      return new PropertyEditor<Object>() {
        @Override
        public Node getEditor() {
          return field;
        }

        @Override
        public Object getValue() {
          return ComponentItem.this.getValue();
        }

        @Override
        public void setValue(Object value) {
          field.setText(format(value));
        }
      };
    }

    private void commit(TextField field) {
      String text = field.getText().strip();
      if (text.equals(format(getValue()))) {
        markValid(field);
        return;
      }
      try {
        setValue(parse(text));
        markValid(field);
        field.setText(format(getValue()));
      } catch (NumberFormatException e) {
        markInvalid(field, getName() + " must be a number, got '" + text + "'");
      } catch (IllegalArgumentException e) {
        markInvalid(field, e.getMessage());
      }
    }

    private void markValid(TextField field) {
      field.getStyleClass().remove("invalid");
      error.set("");
    }

    private void markInvalid(TextField field, String message) {
      if (!field.getStyleClass().contains("invalid")) {
        field.getStyleClass().add("invalid");
      }
      error.set(message);
    }

    private Object parse(String text) {
      Class<?> t = component.getType();
      if (t == int.class) {
        return Integer.parseInt(text.replace(",", "").replace("_", ""));
      }
      if (t == long.class) {
        return Long.parseLong(text.replace(",", "").replace("_", ""));
      }
      return Double.parseDouble(text);
    }

    private String format(Object v) {
      return SpecSheet.format(v);
    }
  }

  /** Numbers as people write them: 0.0002, not 2.0E-4. */
  public static String format(Object v) {
    if (v instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  private static Object read(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
