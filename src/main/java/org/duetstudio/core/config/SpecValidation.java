package org.duetstudio.core.config;

import java.lang.reflect.RecordComponent;

/** Range checks driven by {@link Doc} annotations, so the documented range is the enforced one. */
final class SpecValidation {
  private SpecValidation() {}

  /**
   * Checks the values a record's compact constructor received, in component order, against the {@link
   * Doc} ranges of {@code type}'s components. Throws {@link IllegalArgumentException} naming the first
   * field that is missing or out of range.
   */
  static void check(Class<? extends Record> type, Object... values) {
    RecordComponent[] components = type.getRecordComponents();
    if (components.length != values.length) {
      throw new IllegalStateException(type.getSimpleName() + ": values do not match components");
    }
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Doc doc = c.getAnnotation(Doc.class);
      String label = doc == null || doc.label().isEmpty() ? c.getName() : doc.label();
      Object v = values[i];
      if (v == null) {
        throw new IllegalArgumentException(label + " is missing");
      }
      if (doc != null && v instanceof Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < doc.min() || d > doc.max()) {
          throw new IllegalArgumentException(
              label + " must be between " + fmt(doc.min()) + " and " + fmt(doc.max()) + ", got "
                  + n);
        }
      }
    }
  }

  private static String fmt(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return String.valueOf(d);
  }
}
