package org.duetstudio.ui.compare;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.training.Fit;
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
    this.classifierSpec = classifier::runSpec;
    // with both finished: the full judgement on the classifier's test set, and the label-dependent views
    Runnable full =
        () -> {
          boolean now = bothReady();
          ready.set(now);
          judgement.set(null);
          fidelity.set(null);
          cas.set(null);
          interpolation.set(null);
          decisionMap.set(null);
          drawing.set(null);
          if (!now) {
            return;
          }
          ImageClassifier c = judge();
          ImageGenerator g = generator.model();
          ImageDataset test = classifier.testImagesProperty().get();
          ImageDataset train = generator.runData() == null ? null : generator.runData().train();
          tasks.run(
              () -> Judgement.of(c, g, test.head(2000), train, 1000, 42L),
              judgement::set,
              t -> status.set("The judge failed: " + t.getMessage()));
          if (g instanceof ConditionalGenerator cg) {
            tasks.run(
                () -> LabelFidelity.measure(cg, c, 50, 42),
                fidelity::set,
                t -> status.set("Label fidelity failed: " + t.getMessage()));
          }
          decisionMap(defaultMapClass(c.classNames().size()));
          interpolate(0, Math.min(9, c.classNames().size() - 1));
        };
    this.testImages = () -> classifier.testImagesProperty().get();
    classifier.stateProperty().addListener((o, a, s) -> full.run());
    generator.stateProperty().addListener((o, a, s) -> full.run());
  }

  private Supplier<ClassifierSpec> classifierSpec = () -> null;
  private Supplier<ImageDataset> testImages = () -> null;
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<LabelFidelity> fidelity = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClassificationAccuracyScore> cas = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper casProgress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper casStatus = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<LatentPaths.Labelled> interpolation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LatentPaths.Labelled> decisionMap = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DrawingAnswer> drawing = new ReadOnlyObjectWrapper<>();
  private volatile boolean casCancelled;

  /** Images CAS trains on (generated, and as many real). */
  public static final int CAS_IMAGES = 5000;

  /** The class a conditional generator's decision map shows first (Sneaker in Fashion-MNIST). */
  public static int defaultMapClass(int classes) {
    return classes > 7 ? 7 : 0;
  }

  /** Cells per side of the decision map. */
  public static final int MAP_SIDE = 15;

  /** Steps of an interpolation. */
  public static final int PATH_STEPS = 10;

  private boolean bothReady() {
    ImageClassifier c = judge();
    ImageGenerator g = generator.model();
    return c != null
        && g != null
        && testImages.get() != null
        && generator.stateProperty().get() == RunState.COMPLETED
        && c.shape().equals(g.shape())
        && c.classNames().equals(testImages.get().classNames());
  }

  /** True once both sides have finished training on the same kind of images. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  /** For a conditional generator, how often the classifier agrees with the requested class. */
  public ReadOnlyObjectProperty<LabelFidelity> fidelityProperty() {
    return fidelity.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ClassificationAccuracyScore> casProperty() {
    return cas.getReadOnlyProperty();
  }

  /** The running CAS measurement's progress in [0, 1]; −1 when none runs. */
  public ReadOnlyDoubleProperty casProgressProperty() {
    return casProgress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty casStatusProperty() {
    return casStatus.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> interpolationProperty() {
    return interpolation.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<LatentPaths.Labelled> decisionMapProperty() {
    return decisionMap.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DrawingAnswer> drawingProperty() {
    return drawing.getReadOnlyProperty();
  }

  /** The classes both models know (those of the test images); empty before both are ready. */
  public List<String> classNames() {
    ImageDataset t = testImages.get();
    return t == null ? List.of() : t.classNames();
  }

  /** The judging classifier's name; empty before it has finished. */
  public String classifierName() {
    ImageClassifier c = judge();
    return c == null ? "" : c.name();
  }

  /**
   * The first {@code n} memorisation samples, each followed by its nearest training image, handed to
   * {@code show} on the FX thread.
   */
  public void nearestPairs(int n, java.util.function.Consumer<List<float[]>> show) {
    Judgement j = judgement.get();
    ImageGenerator g = generator.model();
    var data = generator.runData();
    if (j == null || j.memorisation() == null || g == null || data == null) {
      return;
    }
    int[] idx = j.memorisation().samples().indices();
    int m = Math.min(n, idx.length);
    tasks.run(
        () -> {
          float[][] samples = g.sample(m, 42L);
          List<float[]> pairs = new java.util.ArrayList<>();
          for (int i = 0; i < m; i++) {
            pairs.add(samples[i]);
            pairs.add(data.train().image(idx[i]));
          }
          return pairs;
        },
        show,
        t -> status.set("The memorisation view failed: " + t.getMessage()));
  }

  /** The generator of the last run, for views that ask what it can do (condition, encode). */
  public ImageGenerator generatorModel() {
    return generator.model();
  }

  /**
   * Classification Accuracy Score: trains a fresh classifier of the judge's settings on {@value
   * #CAS_IMAGES} generated images and on as many real ones, in the background.
   */
  public void runCas() {
    if (!ready.get() || !(generator.model() instanceof ConditionalGenerator cg)) {
      casStatus.set("CAS needs a finished class-conditional generator and a finished classifier.");
      return;
    }
    if (casProgress.get() >= 0) {
      return;
    }
    ClassifierSpec spec = classifierSpec.get();
    var train = generator.runData().train();
    ImageDataset test = testImages.get();
    casCancelled = false;
    casProgress.set(0);
    casStatus.set("Training " + spec.kind().displayName() + " on generated images, then on real ones…");
    tasks.run(
        () ->
            ClassificationAccuracyScore.measure(
                cg,
                spec,
                train,
                test,
                CAS_IMAGES,
                42,
                new Fit.Monitor() {
                  private double posted;

                  /** Called every training step: reaches the FX thread only per whole percent. */
                  @Override
                  public void progress(double fraction) {
                    if (fraction - posted < 0.01 && fraction < 1) {
                      return;
                    }
                    posted = fraction;
                    javafx.application.Platform.runLater(() -> {
                      if (casProgress.get() >= 0) {
                        casProgress.set(fraction);
                      }
                    });
                  }

                  @Override
                  public boolean cancelled() {
                    return casCancelled;
                  }
                }),
        r -> {
          casProgress.set(-1);
          casStatus.set("");
          cas.set(r);
        },
        t -> {
          casProgress.set(-1);
          casStatus.set(
              t instanceof java.util.concurrent.CancellationException
                  ? "Stopped."
                  : "CAS failed: " + t.getMessage());
        });
  }

  public void cancelCas() {
    casCancelled = true;
  }

  /** Decodes a grid over the latent plane (a conditional generator as {@code conditionClass}). */
  public void decisionMap(int conditionClass) {
    if (!ready.get()) {
      return;
    }
    ImageClassifier c = judge();
    ImageGenerator g = generator.model();
    if (g.latentDim() < 2) {
      return;
    }
    tasks.run(
        () -> LatentPaths.decisionMap(c, g, MAP_SIDE, 2.5, conditionClass),
        decisionMap::set,
        t -> status.set("The decision map failed: " + t.getMessage()));
  }

  /** Walks from class {@code from} to class {@code to} through the generator. */
  public void interpolate(int from, int to) {
    if (!ready.get()) {
      return;
    }
    ImageClassifier c = judge();
    ImageGenerator g = generator.model();
    ImageDataset test = testImages.get();
    tasks.run(
        () -> LatentPaths.interpolate(c, g, from, to, PATH_STEPS, test, 42),
        interpolation::set,
        t -> status.set("The interpolation failed: " + t.getMessage()));
  }

  /**
   * Both models answer a drawn image: the classifier with probabilities; a VAE with its reconstruction
   * and latent code.
   *
   * @param probabilities the classifier's, one per class
   * @param reconstruction the VAE's version of the drawing; null for a generator without an encoder
   * @param code where the VAE places it; null likewise
   */
  public record DrawingAnswer(float[] drawing, float[] probabilities, float[] reconstruction, float[] code) {}

  /** Asks both models about a drawing (pixels in the data's shape, [0, 1], 1 = ink). */
  public void answer(float[] pixels) {
    if (!ready.get()) {
      return;
    }
    ImageClassifier c = judge();
    ImageGenerator g = generator.model();
    float[] copy = pixels.clone();
    tasks.run(
        () -> {
          ImageDataset one =
              new ImageDataset("drawing", c.shape(), new float[][] {copy}, new int[1], c.classNames());
          float[] p = c.predictProbabilities(one)[0];
          if (g instanceof Autoencoder ae) {
            // a conditional VAE needs the class: take the classifier's answer
            ImageDataset labelled =
                new ImageDataset(
                    "drawing", c.shape(), new float[][] {copy}, new int[] {LabelFidelity.argmax(p)}, c.classNames());
            return new DrawingAnswer(copy, p, ae.reconstruct(labelled)[0], ae.encode(labelled)[0]);
          }
          return new DrawingAnswer(copy, p, null, null);
        },
        drawing::set,
        t -> status.set("The drawing pad failed: " + t.getMessage()));
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
