package org.duetstudio.core.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.duetstudio.core.store.Json;

/**
 * Where two runs' numbers differ: the paths at which two JSON trees (e.g. two {@code metrics.json}) hold
 * different values. Times, which vary from run to run, are left out (keys ending in {@code _s} or {@code
 * seconds}).
 */
public final class RunComparison {
  private RunComparison() {}

  /** Every difference of {@code after} from {@code before}, as "path: a then, b now". */
  public static List<String> differences(Object before, Object after) {
    List<String> diffs = new ArrayList<>();
    compare("", tree(before), tree(after), diffs);
    return diffs;
  }

  /** A value as plain JSON types (maps, lists, numbers), so records and parsed files compare alike. */
  private static Object tree(Object value) {
    return Json.read(Json.write(value), Object.class);
  }

  private static void compare(String path, Object a, Object b, List<String> diffs) {
    if (path.endsWith("_s") || path.toLowerCase(Locale.ROOT).endsWith("seconds")) {
      return;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (Object k : ma.keySet()) {
        compare(path + "/" + k, ma.get(k), mb.get(k), diffs);
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        compare(path + "[" + i + "]", la.get(i), lb.get(i), diffs);
      }
    } else if (!Objects.equals(a, b)) {
      diffs.add(path + ": " + a + " then, " + b + " now");
    }
  }
}
