package org.duetstudio.core.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;

/**
 * Training events as JSON trees: a type name and the record's fields (predictions as arrays), for session
 * files and the run folder's event logs. What {@link #toStored} writes, {@link #fromStored} reads back
 * equal.
 */
public final class StoredEvents {
  private StoredEvents() {}

  /** One event as a line of JSON (no line breaks inside). */
  public static String line(TrainingEvent e) {
    return Json.compact(toStored(e));
  }

  /** An event from a line {@link #line} wrote. */
  public static TrainingEvent parse(String line) {
    return fromStored(Json.read(line, Map.class));
  }


  public static Map<String, Object> toStored(TrainingEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.getClass().getSimpleName());
    if (e instanceof TrainingEvent.EpochDone ep) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("runId", ep.runId());
      f.put("elapsedSeconds", ep.elapsedSeconds());
      f.put("epoch", ep.epoch());
      f.put("iteration", ep.iteration());
      f.put("imagesSeen", ep.imagesSeen());
      f.put("metrics", ep.metrics());
      f.put("generator", ep.generator());
      Predictions p = ep.predictions();
      if (p != null) {
        int n = p.size();
        int[] actual = new int[n];
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
          actual[i] = p.actual(i);
          predicted[i] = p.predicted(i);
          confidence[i] = p.confidence(i);
        }
        f.put("predictions", Map.of("actual", actual, "predicted", predicted, "confidence", confidence, "classNames", p.classNames()));
      }
      m.put("fields", f);
    } else {
      m.put("fields", e);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  public static TrainingEvent fromStored(Map<?, ?> m) {
    String type = (String) m.get("type");
    Object fields = m.get("fields");
    return switch (type) {
      case "Started" -> Json.convert(fields, TrainingEvent.Started.class);
      case "IterationDone" -> Json.convert(fields, TrainingEvent.IterationDone.class);
      case "SamplesReady" -> Json.convert(fields, TrainingEvent.SamplesReady.class);
      case "Finished" -> Json.convert(fields, TrainingEvent.Finished.class);
      case "Failed" -> Json.convert(fields, TrainingEvent.Failed.class);
      case "EpochDone" -> {
        Map<String, Object> f = new HashMap<>((Map<String, Object>) fields);
        Predictions p = null;
        if (f.get("predictions") instanceof Map<?, ?> pm) {
          p =
              new Predictions(
                  Json.convert(pm.get("actual"), int[].class),
                  Json.convert(pm.get("predicted"), int[].class),
                  Json.convert(pm.get("confidence"), float[].class),
                  Json.convert(pm.get("classNames"), String[].class).length == 0
                      ? List.of()
                      : List.of(Json.convert(pm.get("classNames"), String[].class)));
        }
        GeneratorSnapshot snap =
            f.get("generator") == null ? null : Json.convert(f.get("generator"), GeneratorSnapshot.class);
        yield new TrainingEvent.EpochDone(
            (String) f.get("runId"),
            ((Number) f.get("elapsedSeconds")).doubleValue(),
            ((Number) f.get("epoch")).intValue(),
            ((Number) f.get("iteration")).intValue(),
            ((Number) f.get("imagesSeen")).longValue(),
            Json.convert(f.get("metrics"), Map.class),
            p,
            snap);
      }
      default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
    };
  }
}
