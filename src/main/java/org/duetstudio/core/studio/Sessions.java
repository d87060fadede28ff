package org.duetstudio.core.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainable;
import org.duetstudio.core.store.LibraryVersions;
import org.duetstudio.core.store.RunRecorder;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.training.TrainingEvent;

/**
 * Sessions: a {@link RunPair} saved to one {@code .duet} file and opened again — its data found and
 * checked by fingerprint ({@link RecordedData}), its models rebuilt. Used by the window's Save/Open, by
 * {@code train --rerun FILE.duet} and by the tests.
 */
public final class Sessions {
  private Sessions() {}

  /** A session opened: the pair as saved, the data as found, and when it was saved. */
  public record Opened(RunPair pair, RecordedData data, String created) {}

  /** Saves {@code pair} (its models' learned numbers included) to {@code file}, atomically. */
  public static void save(RunPair pair, Path file) throws IOException {
    ClassifierRun c = pair.classifier();
    GeneratorRun g = pair.generator();
    new SessionFile(
            SessionFile.FORMAT,
            LibraryVersions.detect().getOrDefault("duet-studio", "?"),
            Instant.now().toString(),
            pair.dataRecord(),
            c == null ? null : new SessionFile.Side<>(c.spec(), c.events(), c.persistent().state()),
            g == null ? null : new SessionFile.Side<>(g.spec(), g.events(), g.persistent().state()),
            pair.findings() == null ? null : pair.findings().judgement(),
            pair.judgeConfidence())
        .save(file);
  }

  /** Opens {@code file}: reads it, loads and checks its data, rebuilds its models. */
  public static Opened open(Path file, DatasetLocator locator) throws IOException, DatasetException {
    SessionFile s = SessionFile.load(file);
    if (s.classifier() == null && s.generator() == null) {
      throw new IOException(file + " holds no trained model");
    }
    RecordedData data = RecordedData.load(s.data(), locator);
    TrainTestData used = data.used();
    ClassifierRun c = null;
    GeneratorRun g;
    try {
      c =
          s.classifier() == null
              ? null
              : classifier(s.classifier().spec(), s.classifier().events(), s.classifier().model(), used);
      g =
          s.generator() == null
              ? null
              : generator(s.generator().spec(), s.generator().events(), s.generator().model(), used);
    } catch (RuntimeException e) {
      if (c != null) {
        c.model().close(); // the classifier was rebuilt, the generator refused: nobody gets either
      }
      if (e instanceof IllegalArgumentException) { // a model refused the numbers it was given: one sentence
        throw new IOException(file + " cannot be opened: " + e.getMessage(), e);
      }
      throw e;
    }
    return new Opened(new RunPair(used, c, g, null, s.judgeConfidence()), data, s.created());
  }

  /** {@code metrics.json} as the session's recorded runs would have it (to compare a rerun with). */
  public static Map<String, Object> recordedMetrics(SessionFile s) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (s.classifier() != null) {
      m.put(Role.CLASSIFIER.id(), summary(s.classifier().spec().kind().id(), s.classifier().events()));
    }
    if (s.generator() != null) {
      m.put(Role.GENERATOR.id(), summary(s.generator().spec().kind().id(), s.generator().events()));
    }
    return m;
  }

  private static Map<String, Object> summary(String id, List<TrainingEvent> events) {
    RunRecorder r = new RunRecorder(id);
    events.forEach(r::onEvent);
    return r.summary();
  }

  /** A classifier run rebuilt: a fresh model of {@code spec} with {@code state} (if any) taken in. */
  static ClassifierRun classifier(
      ClassifierSpec spec, List<TrainingEvent> events, ModelState state, TrainTestData data) {
    ImageClassifier m = Models.classifier(spec, data.shape(), data.train().classNames());
    restore(m, state);
    return new ClassifierRun(spec, events, m);
  }

  /** A generator run rebuilt likewise. */
  static GeneratorRun generator(
      GeneratorSpec spec, List<TrainingEvent> events, ModelState state, TrainTestData data) {
    ImageGenerator m = Models.generator(spec, data.shape(), data.train().classNames());
    restore(m, state);
    return new GeneratorRun(spec, events, m);
  }

  /** Gives {@code model} its saved {@code state}; a model that refuses it is closed first. */
  private static void restore(Trainable model, ModelState state) {
    if (state == null) {
      return;
    }
    try {
      if (!(model instanceof Persistent p)) {
        throw new IllegalStateException("this model cannot be restored");
      }
      p.restore(state);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

}
