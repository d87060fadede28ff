package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;

/**
 * Settings given as text, read into typed values; a value that does not read says which setting and
 * why ({@link IllegalArgumentException}).
 */
final class SettingValues {
  private final Map<String, String> values;

  SettingValues(Map<String, String> values) {
    this.values = values;
  }

  private String raw(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(key + ": a value is needed");
    }
    return v.strip();
  }

  int positive(String key) {
    String v = raw(key);
    try {
      int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
      if (n < 1) {
        throw new IllegalArgumentException(key + " must be at least 1, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
    }
  }

  long whole(String key) {
    String v = raw(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
    }
  }

  /** Whole numbers of at least 1, separated by commas. */
  List<Integer> positives(String key) {
    String v = raw(key);
    List<Integer> out = new ArrayList<>();
    try {
      for (String part : v.split(",")) {
        out.add(Integer.parseInt(part.strip().replace("_", "")));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + ": expected whole numbers separated by commas, got '" + v + "'", e);
    }
    if (out.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException(key + ": every number must be at least 1, got '" + v + "'");
    }
    return out;
  }

  /** Numbers of at least 0, separated by commas. */
  List<Double> shares(String key) {
    String v = raw(key);
    List<Double> out = new ArrayList<>();
    try {
      for (String part : v.split(",")) {
        out.add(Double.parseDouble(part.strip()));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected numbers separated by commas, got '" + v + "'", e);
    }
    if (out.stream().anyMatch(x -> !(x >= 0) || x.isInfinite())) {
      throw new IllegalArgumentException(key + ": every number must be 0 or more, got '" + v + "'");
    }
    return out;
  }

  ClassifierKind classifier(String key) {
    return ClassifierKind.fromId(raw(key));
  }

  GeneratorKind generator(String key) {
    return GeneratorKind.fromId(raw(key));
  }

  static String join(List<? extends Number> numbers) {
    return numbers.stream().map(SettingValues::number).collect(Collectors.joining(","));
  }

  private static String number(Number n) {
    double x = n.doubleValue();
    return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
  }

  static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  static double[] doubles(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
