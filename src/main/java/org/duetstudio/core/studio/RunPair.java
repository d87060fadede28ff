package org.duetstudio.core.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.store.Provenance;
import org.duetstudio.core.training.Fit;

/**
 * Both sides' finished runs on one data set, and what the judge found: the one structure the window
 * shows, a session saves, the run folder writes and the report prints.
 *
 * @param classifier null when the classifier did not train
 * @param generator null likewise
 * @param findings null before the judge has looked
 * @param judgeConfidence the judge's mean confidence on each sample grid during the generator's training
 *     (the window's live judge), rows {epochs, images, seconds, percent}; empty when not watched
 */
public record RunPair(
    TrainTestData data,
    ClassifierRun classifier,
    GeneratorRun generator,
    JudgeFindings findings,
    List<double[]> judgeConfidence) {
  public RunPair {
    if (classifier == null && generator == null) {
      throw new IllegalArgumentException("a pair needs at least one finished run");
    }
    judgeConfidence = judgeConfidence == null ? List.of() : List.copyOf(judgeConfidence);
  }

  public Provenance.DataRecord dataRecord() {
    return Provenance.DataRecord.of(data);
  }

  public RunPair withFindings(JudgeFindings f) {
    return new RunPair(data, classifier, generator, f, judgeConfidence);
  }

  /** The judge's settings for this pair: the defaults, with the generator run's seed. */
  public JudgeSettings judgeSettings() {
    long seed = generator != null ? generator.seed() : classifier.seed();
    return JudgeSettings.defaults(seed, data.train().classNames());
  }

  /** True when both sides completed and the classifier can read the generator's images. */
  public boolean judgeable() {
    return classifier != null
        && generator != null
        && classifier.completed()
        && generator.completed()
        && Judge.compatible(classifier.model(), generator.model());
  }

  /**
   * The pair with every finding of the judge that {@code settings} asks for: with both sides completed
   * the verdict, fidelity, CAS (when {@code withCas}), map and path; with a completed generator the
   * clusters. The pair as it is when neither applies.
   */
  public RunPair judged(JudgeSettings settings, boolean withCas, Fit.Monitor monitor) {
    if (generator == null || !generator.completed()) {
      return this;
    }
    Judge judge = new Judge(settings);
    return withFindings(
        judgeable()
            ? judge.all(classifier.model(), classifier.spec(), generator.model(), data, withCas, monitor)
            : judge.all(null, null, generator.model(), data, false, monitor));
  }

  /** Closes both models (their native memory): for a pair that nothing will use any more. */
  public void closeModels() {
    if (classifier != null) {
      classifier.model().close();
    }
    if (generator != null) {
      generator.model().close();
    }
  }

  /** {@code metrics.json}: each side's per-epoch summary under its role. */
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (classifier != null) {
      m.put(Role.CLASSIFIER.id(), classifier.summary());
    }
    if (generator != null) {
      m.put(Role.GENERATOR.id(), generator.summary());
    }
    return m;
  }
}
