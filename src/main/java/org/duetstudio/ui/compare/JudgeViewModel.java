package org.duetstudio.ui.compare;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.SampleVerdict;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.curves.CurvePoint;
import org.duetstudio.ui.curves.Curves;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The judge: once a classifier has finished training, it classifies every sample grid the generator
 * draws — in the background, one grid at a time — and keeps the class histogram of the newest grid and
 * a curve of the mean confidence over the generator's training.
 */
public final class JudgeViewModel {
  public static final String CONFIDENCE = "mean confidence";

  private final ObservableValue<RunState> classifierState;
  private final Supplier<ImageClassifier> classifierModel;
  private final GeneratorViewModel generator;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectWrapper<SampleVerdict> verdict = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
  private final ReadOnlyObjectWrapper<Judgement> judgement = new ReadOnlyObjectWrapper<>();
  private final Curves confidence = new Curves(CONFIDENCE);
  private boolean busy;
  private TrainingEvent.SamplesReady pending;

  public JudgeViewModel(
      ClassifierViewModel classifier, GeneratorViewModel generator, BackgroundTasks tasks) {
    this(classifier.stateProperty(), classifier::model, generator, tasks);
    // with both finished: the full judgement, Fréchet distance included, on the classifier's test set
    Runnable full =
        () -> {
          ImageClassifier c = judge();
          ImageGenerator g = generator.model();
          var test = classifier.testImagesProperty().get();
          if (c != null && g != null && test != null
              && generator.stateProperty().get() == RunState.COMPLETED
              && c.shape().equals(g.shape())) {
            judgement.set(null);
            tasks.run(
                () -> Judgement.of(c, g, test.head(2000), null, 1000, 42),
                judgement::set,
                t -> status.set("The judge failed: " + t.getMessage()));
          }
        };
    classifier.stateProperty().addListener((o, a, s) -> full.run());
    generator.stateProperty().addListener((o, a, s) -> full.run());
  }

  /** The judgement made once both sides have finished; null until then. */
  public ReadOnlyObjectProperty<Judgement> judgementProperty() {
    return judgement.getReadOnlyProperty();
  }

  /**
   * @param classifierState the classifier run's state; it judges only once {@code COMPLETED}
   * @param classifierModel the classifier's trained model
   */
  public JudgeViewModel(
      ObservableValue<RunState> classifierState,
      Supplier<ImageClassifier> classifierModel,
      GeneratorViewModel generator,
      BackgroundTasks tasks) {
    this.classifierState = classifierState;
    this.classifierModel = classifierModel;
    this.generator = generator;
    this.tasks = tasks;
    generator.samplesProperty().addListener((o, a, s) -> offer(s));
    classifierState.addListener((o, a, s) -> {
      updateStatus();
      offer(generator.samplesProperty().get());
    });
    generator.stateProperty().addListener((o, a, s) -> {
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

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Mean confidence per judged grid, on the generator's clock. */
  public Curves confidenceCurves() {
    return confidence;
  }

  private ImageClassifier judge() {
    return classifierState.getValue() == RunState.COMPLETED ? classifierModel.get() : null;
  }

  private void updateStatus() {
    status.set(
        judge() == null
            ? "Train a classifier first: once it has finished, it judges every sample grid the"
                + " generator draws."
            : "Judged by " + judge().name() + ".");
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
    tasks.run(
        () -> SampleVerdict.judge(c, images),
        v -> {
          done();
          verdict.set(v);
          double ep = generator.epochsAt(s.iteration());
          confidence.add(
              CONFIDENCE,
              new CurvePoint(ep, generator.imagesAt(s.iteration()), s.elapsedSeconds(), 100 * v.meanConfidence()));
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
