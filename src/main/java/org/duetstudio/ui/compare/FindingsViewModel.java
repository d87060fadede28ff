package org.duetstudio.ui.compare;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The judge's findings once both sides have finished on the same data: {@link Judge}'s measures with
 * {@link JudgeSettings#defaults} for the generator run's seed, run one at a time in the background, each
 * added to {@link #findingsProperty()} as it ends. The per-part properties follow the findings.
 */
public final class FindingsViewModel {
  private final ObservableValue<RunState> classifierState;
  private final Supplier<ImageClassifier> classifierModel;
  private final GeneratorViewModel generator;
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<JudgeFindings> findings = new ReadOnlyObjectWrapper<>();
  private final MeasureQueue queue;
  private final ReadOnlyObjectWrapper<Judgement> judgement = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LabelFidelity> fidelity = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClassificationAccuracyScore> cas = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LatentPaths.Labelled> decisionMap = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LatentPaths.Labelled> interpolation = new ReadOnlyObjectWrapper<>();
  /** Counts judgements: a measure that ends after both sides changed is dropped. */
  private int round;

  public FindingsViewModel(
      ObservableValue<RunState> classifierState,
      Supplier<ImageClassifier> classifierModel,
      GeneratorViewModel generator,
      BackgroundTasks modelWork) {
    this.classifierState = classifierState;
    this.classifierModel = classifierModel;
    this.generator = generator;
    this.queue = new MeasureQueue(modelWork);
    findings.addListener((o, a, f) -> showParts(f));
    classifierState.addListener((o, a, s) -> judgeAll());
    generator.stateProperty().addListener((o, a, s) -> judgeAll());
  }

  /** What has been found so far; null until both sides have finished on the same data. */
  public ReadOnlyObjectProperty<JudgeFindings> findingsProperty() {
    return findings.getReadOnlyProperty();
  }

  /** True once both sides have finished training on the same kind of images. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  /** True while a measure is being computed (the window's busy indicator). */
  public ReadOnlyBooleanProperty busyProperty() {
    return queue.busyProperty();
  }

  /** What is being computed now ("The decision map"); empty when nothing is. */
  public ReadOnlyStringProperty workingOnProperty() {
    return queue.workingOnProperty();
  }

  /** A measure's failure, one sentence; empty otherwise. */
  public ReadOnlyStringProperty statusProperty() {
    return queue.statusProperty();
  }

  public ReadOnlyObjectProperty<Judgement> judgementProperty() {
    return judgement.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LabelFidelity> fidelityProperty() {
    return fidelity.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ClassificationAccuracyScore> casProperty() {
    return cas.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> decisionMapProperty() {
    return decisionMap.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> interpolationProperty() {
    return interpolation.getReadOnlyProperty();
  }

  /** The classes both models know; empty before both are ready. */
  public List<String> classNames() {
    return ready.get() ? generator.runData().train().classNames() : List.of();
  }

  /** The images both models trained on; null before both are ready. */
  public ImageDataset trainingImages() {
    return ready.get() ? generator.runData().train() : null;
  }

  /** The judging classifier; null before both sides are ready. */
  public ImageClassifier classifier() {
    return ready.get() ? classifierModel.get() : null;
  }

  /** The generator of the last run, for views that ask what it can do (condition, encode). */
  public ImageGenerator generatorModel() {
    return generator.model();
  }

  /** The data the generator trained on; the judge measures on its test part. */
  TrainTestData data() {
    return generator.runData();
  }

  /** The judge of the current findings; null before both sides are ready. */
  Judge judge() {
    JudgeFindings f = findings.get();
    return f == null ? null : new Judge(f.settings());
  }

  private boolean bothReady() {
    ImageClassifier c = classifierState.getValue() == RunState.COMPLETED ? classifierModel.get() : null;
    ImageGenerator g = generator.model();
    TrainTestData data = generator.runData();
    return generator.stateProperty().get() == RunState.COMPLETED
        && data != null
        && Judge.compatible(c, g)
        && c.classNames().equals(data.train().classNames());
  }

  /** With both sides finished: every measure but CAS, which waits to be asked for (it trains). */
  private void judgeAll() {
    round++;
    if (!bothReady()) {
      ready.set(false);
      findings.set(null);
      return;
    }
    TrainTestData data = generator.runData();
    JudgeSettings settings = JudgeSettings.defaults(generator.runSpec().seed(), data.train().classNames());
    ready.set(false);
    findings.set(JudgeFindings.none(settings)); // before ready: views read the settings when ready
    ready.set(true);
    Judge judge = new Judge(settings);
    ImageClassifier c = classifierModel.get();
    ImageGenerator g = generator.model();
    measure(
        "The judge",
        () -> judge.verdict(c, g, data),
        (f, v) -> f.withJudgement(v.judgement(), v.memorisationPairs()));
    if (g instanceof ConditionalGenerator) {
      measure("Label fidelity", () -> judge.fidelity(c, g), JudgeFindings::withFidelity);
    }
    decisionMap(settings.mapClass());
    interpolate(settings.pathFrom(), settings.pathTo());
    measure(
        "k-means",
        () -> new Clustered(judge.pixelClusters(data.test()), judge.codeClusters(g, data.test())),
        (f, k) -> f.withClusters(k.pixels(), k.codes()));
    if (g instanceof Denoiser && g instanceof ConditionalGenerator) {
      measure("The guidance sweep", () -> judge.guidance(c, g, data.train()), JudgeFindings::withGuidance);
    }
    if (g instanceof Denoiser) {
      measure("The denoising path", () -> judge.denoisingPath(c, g), JudgeFindings::withDenoising);
    }
  }

  /** k-means on pixels and, for a VAE, on latent codes. */
  private record Clustered(Clusters pixels, Clusters codes) {}

  /** Decodes a grid over the latent plane (a conditional generator as {@code conditionClass}). */
  public void decisionMap(int conditionClass) {
    if (!ready.get() || generator.model().latentDim() < 2) {
      return;
    }
    JudgeSettings s = findings.get().settings().withMapClass(conditionClass);
    ImageClassifier c = classifierModel.get();
    ImageGenerator g = generator.model();
    measure(
        "The decision map",
        () -> new Judge(s).decisionMap(c, g),
        (f, m) -> f.withSettings(f.settings().withMapClass(conditionClass)).withDecisionMap(m));
  }

  /** Walks from class {@code from} to class {@code to} through the generator. */
  public void interpolate(int from, int to) {
    if (!ready.get()) {
      return;
    }
    JudgeSettings s = findings.get().settings().withPath(from, to);
    ImageClassifier c = classifierModel.get();
    ImageGenerator g = generator.model();
    TrainTestData data = generator.runData();
    measure(
        "The interpolation",
        () -> new Judge(s).interpolation(c, g, data.test()),
        (f, p) -> f.withSettings(f.settings().withPath(from, to)).withInterpolation(p));
  }

  /** The current round, to hand to {@link #update} when a measure started now ends. */
  int round() {
    return round;
  }

  /** Adds what a measure of round {@code r} found, unless the findings have moved on since. */
  void update(int r, UnaryOperator<JudgeFindings> change) {
    if (r == round && findings.get() != null) {
      findings.set(change.apply(findings.get()));
    }
  }

  private <T> void measure(String what, Callable<T> work, BiFunction<JudgeFindings, T, JudgeFindings> add) {
    int r = round;
    queue.run(what, work, result -> update(r, f -> add.apply(f, result)));
  }

  private void showParts(JudgeFindings f) {
    judgement.set(f == null ? null : f.judgement());
    fidelity.set(f == null ? null : f.fidelity());
    cas.set(f == null ? null : f.cas());
    decisionMap.set(f == null ? null : f.decisionMap());
    interpolation.set(f == null ? null : f.interpolation());
  }
}
