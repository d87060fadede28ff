package org.duetstudio.ui.compare;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.eval.SampleVerdict;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.curves.Curves;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The judge, as the studio and the judge's pane see it: the live verdict on each sample grid ({@link
 * ConfidenceViewModel}), the findings once both sides have finished ({@link FindingsViewModel}), CAS on
 * request ({@link CasViewModel}) and the drawing pad ({@link DrawingPadViewModel}). It holds the four and
 * passes on what the studio asks of them.
 */
public final class JudgeViewModel {
  public static final String CONFIDENCE = ConfidenceViewModel.CONFIDENCE;

  private final ConfidenceViewModel confidence;
  private final FindingsViewModel findings;
  private final CasViewModel cas;
  private final DrawingPadViewModel drawing;

  /** @param modelWork the lane for work on trained models */
  public JudgeViewModel(
      ClassifierViewModel classifier, GeneratorViewModel generator, BackgroundTasks modelWork) {
    this(classifier.stateProperty(), classifier::model, classifier::runSpec, generator, modelWork);
  }

  /**
   * @param classifierState the classifier run's state; it judges only once {@code COMPLETED}
   * @param classifierModel the classifier's trained model
   */
  public JudgeViewModel(
      ObservableValue<RunState> classifierState,
      Supplier<ImageClassifier> classifierModel,
      GeneratorViewModel generator,
      BackgroundTasks modelWork) {
    this(classifierState, classifierModel, () -> null, generator, modelWork);
  }

  /** @param classifierSpec the classifier run's settings, for CAS */
  public JudgeViewModel(
      ObservableValue<RunState> classifierState,
      Supplier<ImageClassifier> classifierModel,
      Supplier<ClassifierSpec> classifierSpec,
      GeneratorViewModel generator,
      BackgroundTasks modelWork) {
    this.confidence = new ConfidenceViewModel(classifierState, classifierModel, generator, modelWork);
    this.findings = new FindingsViewModel(classifierState, classifierModel, generator, modelWork);
    this.cas = new CasViewModel(findings, classifierSpec, modelWork);
    this.drawing = new DrawingPadViewModel(findings, modelWork);
  }

  public ConfidenceViewModel confidence() {
    return confidence;
  }

  public FindingsViewModel findings() {
    return findings;
  }

  public CasViewModel cas() {
    return cas;
  }

  public DrawingPadViewModel drawing() {
    return drawing;
  }

  /** What the judge has found so far, part by part; null until both sides have finished. */
  public ReadOnlyObjectProperty<JudgeFindings> findingsProperty() {
    return findings.findingsProperty();
  }

  /** The verdict, Fréchet distance and memorisation check; null until measured. */
  public ReadOnlyObjectProperty<Judgement> judgementProperty() {
    return findings.judgementProperty();
  }

  public ReadOnlyObjectProperty<LabelFidelity> fidelityProperty() {
    return findings.fidelityProperty();
  }

  public ReadOnlyObjectProperty<ClassificationAccuracyScore> casProperty() {
    return findings.casProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> decisionMapProperty() {
    return findings.decisionMapProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> interpolationProperty() {
    return findings.interpolationProperty();
  }

  /** The classifier's verdict on the newest sample grid; null before the first. */
  public ReadOnlyObjectProperty<SampleVerdict> verdictProperty() {
    return confidence.verdictProperty();
  }

  /** Mean confidence per judged grid, on the generator's clock. */
  public Curves confidenceCurves() {
    return confidence.confidenceCurves();
  }

  /** The confidence curve as rows {epochs, images, seconds, percent}, for saving a session. */
  public List<double[]> confidenceRows() {
    return confidence.confidenceRows();
  }

  /** Shows a saved confidence curve (a session's) instead of the current one. */
  public void restoreConfidence(List<double[]> rows) {
    confidence.restoreConfidence(rows);
  }
}
