package org.duetstudio.ui.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ConfusionMatrix;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Trainer;
import org.duetstudio.core.studio.ClassifierRun;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.Metrics;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.curves.Curves;

/**
 * The classifier side: which model with which settings, its curves (loss per step and per epoch,
 * accuracy per epoch), its latest answers on the test set and the confusion matrix read from them.
 */
public final class ClassifierViewModel extends RunViewModel {
  public static final String TRAIN_LOSS = "train loss";
  public static final String TEST_LOSS = "test loss";
  public static final String TRAIN_ACCURACY = "train accuracy";
  public static final String TEST_ACCURACY = "test accuracy";

  private final ObjectProperty<ClassifierKind> kind = new SimpleObjectProperty<>(ClassifierKind.CNN);
  private final ObjectProperty<ClassifierSpec> spec =
      new SimpleObjectProperty<>(ClassifierSpec.defaults(ClassifierKind.CNN));
  private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ConfusionMatrix> confusion = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ImageDataset> testImages = new ReadOnlyObjectWrapper<>();
  private final Curves loss = new Curves(TRAIN_LOSS, TEST_LOSS);
  private ClassifierJob job;
  private final Curves accuracy = new Curves(TRAIN_ACCURACY, TEST_ACCURACY);

  public ClassifierViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    this(starter, relay, BackgroundTasks.sameThread());
  }

  /** @param modelWork the lane for work on trained models, where a replaced model is closed */
  public ClassifierViewModel(
      RunStarter starter,
      Function<Consumer<List<TrainingEvent>>, TrainingListener> relay,
      BackgroundTasks modelWork) {
    super(starter, relay, modelWork);
    // a new model starts from its own defaults, keeping the seed the user chose
    kind.addListener(
        (o, old, now) -> spec.set(ClassifierSpec.defaults(now).withSeed(spec.get().seed())));
  }

  public ObjectProperty<ClassifierKind> kindProperty() {
    return kind;
  }

  public ObjectProperty<ClassifierSpec> specProperty() {
    return spec;
  }

  /** The last epoch's answers on the test set; null before the first epoch. */
  public ReadOnlyObjectProperty<Predictions> predictionsProperty() {
    return predictions.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ConfusionMatrix> confusionProperty() {
    return confusion.getReadOnlyProperty();
  }

  /** The test images the predictions refer to, index for index. */
  public ReadOnlyObjectProperty<ImageDataset> testImagesProperty() {
    return testImages.getReadOnlyProperty();
  }

  public Curves lossCurves() {
    return loss;
  }

  public Curves accuracyCurves() {
    return accuracy;
  }

  /** Trains the chosen model with the current settings on {@code data}; the last run's model is closed. */
  public void train(TrainTestData data) {
    if (isActive()) {
      throw new IllegalStateException("a run is already active");
    }
    ImageClassifier previous = model();
    testImages.set(data.test());
    job = new ClassifierJob(spec.get(), data);
    start(job);
    retire(previous);
  }

  /**
   * The model of the last run (null before one). Safe to use once the run has completed; during
   * training its weights change under the caller.
   */
  public ImageClassifier model() {
    return job == null ? null : job.model();
  }

  /** Shows a finished run from a session: its settings, its model, and its curves and answers. */
  public void restore(
      ClassifierSpec runSpec,
      TrainTestData data,
      ImageClassifier model,
      List<TrainingEvent> events) {
    if (isActive()) {
      throw new IllegalStateException("a run is active");
    }
    ImageClassifier previous = model();
    kind.set(runSpec.kind());
    spec.set(runSpec);
    testImages.set(data.test());
    job = ClassifierJob.restored(runSpec, data, model);
    replay(events);
    if (previous != model) {
      retire(previous);
    }
  }

  /** Closes the last run's model (the window is closing), after the work queued on the model lane. */
  public void closeModel() {
    retire(model());
  }

  /** The data of the last run (null before one). */
  public TrainTestData runData() {
    return job == null ? null : job.data();
  }

  /** The settings of the last run (null before one). */
  public ClassifierSpec runSpec() {
    return job == null ? null : job.spec();
  }

  /** The last run as it ended, for sessions and reports; null before one, or while one is active. */
  public ClassifierRun finishedRun() {
    ImageClassifier m = model();
    return m == null || isActive() ? null : new ClassifierRun(runSpec(), recordedEvents(), m);
  }

  /** Test-set indices whose true class is {@code actual} and predicted class is {@code predicted}. */
  public List<Integer> cell(int actual, int predicted) {
    Predictions p = predictions.get();
    List<Integer> idx = new ArrayList<>();
    if (p != null) {
      for (int i = 0; i < p.size(); i++) {
        if (p.actual(i) == actual && p.predicted(i) == predicted) {
          idx.add(i);
        }
      }
    }
    return idx;
  }


  @Override
  protected void reset() {
    loss.clear();
    accuracy.clear();
    predictions.set(null);
    confusion.set(null);
  }

  @Override
  protected void onIteration(TrainingEvent.IterationDone e, At at) {
    loss.add(TRAIN_LOSS, at.value(e.losses().get(Trainer.Step.LOSS)));
  }

  @Override
  protected void onEpoch(TrainingEvent.EpochDone e, At at) {
    Double testLoss = e.metrics().get(Metrics.TEST_LOSS);
    if (testLoss != null) {
      loss.add(TEST_LOSS, at.value(testLoss));
    }
    Double trainAcc = e.metrics().get(Metrics.TRAIN_ACCURACY);
    if (trainAcc != null) {
      accuracy.add(TRAIN_ACCURACY, at.value(100 * trainAcc));
    }
    Double testAcc = e.metrics().get(Metrics.TEST_ACCURACY);
    if (testAcc != null) {
      accuracy.add(TEST_ACCURACY, at.value(100 * testAcc));
    }
    if (e.predictions() != null) {
      predictions.set(e.predictions());
      confusion.set(e.predictions().confusionMatrix());
    }
  }

  @Override
  protected void afterBatch() {
    loss.changed();
    accuracy.changed();
  }
}
