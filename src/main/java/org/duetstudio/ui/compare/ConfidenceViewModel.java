package org.duetstudio.ui.compare;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.duetstudio.core.eval.SampleVerdict;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.curves.CurvePoint;
import org.duetstudio.ui.curves.Curves;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The live verdict: once a classifier has finished training, it classifies every sample grid the generator
 * draws — in the background, one grid at a time — and keeps the class histogram of the newest grid and a
 * curve of the mean confidence over the generator's training.
 */
public final class ConfidenceViewModel {
  public static final String CONFIDENCE = "mean confidence";

  private final ObservableValue<RunState> classifierState;
  private final Supplier<ImageClassifier> classifierModel;
  private final GeneratorViewModel generator;
  private final BackgroundTasks modelWork;
  private final ReadOnlyObjectWrapper<SampleVerdict> verdict = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
  private final Curves confidence = new Curves(CONFIDENCE);
  private boolean busy;
  private TrainingEvent.SamplesReady pending;

  /**
   * @param classifierState the classifier run's state; it judges only once {@code COMPLETED}
   * @param classifierModel the classifier's trained model
   * @param modelWork the lane for work on trained models
   */
  public ConfidenceViewModel(
      ObservableValue<RunState> classifierState,
      Supplier<ImageClassifier> classifierModel,
      GeneratorViewModel generator,
      BackgroundTasks modelWork) {
    this.classifierState = classifierState;
    this.classifierModel = classifierModel;
    this.generator = generator;
    this.modelWork = modelWork;
    generator.samplesProperty().addListener((o, a, s) -> offer(s));
    classifierState.addListener(
        (o, a, s) -> {
          updateStatus();
          offer(generator.samplesProperty().get());
        });
    generator.stateProperty().addListener(
        (o, a, s) -> {
          if (s == RunState.STARTING) {
            confidence.clear();
            verdict.set(null);
          }
        });
    updateStatus();
  }

  /** The classifier's verdict on the newest sample grid; null before the first. */
  public ReadOnlyObjectProperty<SampleVerdict> verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** Who judges, or what is missing; a failure in one sentence. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Mean confidence per judged grid, on the generator's clock. */
  public Curves confidenceCurves() {
    return confidence;
  }

  /** The confidence curve as rows {epochs, images, seconds, percent}, for saving a session. */
  public List<double[]> confidenceRows() {
    return confidence.points(CONFIDENCE).stream()
        .map(p -> new double[] {p.epochs(), p.images(), p.seconds(), p.value()})
        .toList();
  }

  /** Shows a saved confidence curve (a session's) instead of the current one. */
  public void restoreConfidence(List<double[]> rows) {
    confidence.clear();
    for (double[] r : rows) {
      confidence.add(CONFIDENCE, new CurvePoint(r[0], r[1], r[2], r[3]));
    }
    confidence.changed();
  }

  private ImageClassifier judge() {
    return classifierState.getValue() == RunState.COMPLETED ? classifierModel.get() : null;
  }

  private void updateStatus() {
    ImageClassifier c = judge();
    status.set(
        c == null
            ? "Train a classifier first: once it has finished, it judges every sample grid the"
                + " generator draws."
            : "Judged by " + c.name() + ".");
  }

  /** Judges {@code s} now, or after the grid being judged (only the newest waiting grid is kept). */
  private void offer(TrainingEvent.SamplesReady s) {
    ImageClassifier c = judge();
    if (s == null || c == null) {
      return;
    }
    if (!c.shape().equals(s.shape())) {
      status.set(
          "The classifier reads "
              + c.shape()
              + " images but the samples are "
              + s.shape()
              + ": train both on the same data.");
      return;
    }
    if (busy) {
      pending = s;
      return;
    }
    busy = true;
    List<float[]> images = s.images();
    modelWork.run(
        () -> SampleVerdict.judge(c, images),
        v -> {
          done();
          verdict.set(v);
          confidence.add(
              CONFIDENCE,
              new CurvePoint(
                  generator.epochsAt(s.iteration()),
                  generator.imagesAt(s.iteration()),
                  s.elapsedSeconds(),
                  100 * v.meanConfidence()));
          confidence.changed();
        },
        t -> {
          done();
          status.set("The judge failed: " + t.getMessage());
        });
  }

  private void done() {
    busy = false;
    TrainingEvent.SamplesReady next = pending;
    pending = null;
    if (next != null) {
      offer(next);
    }
  }
}
