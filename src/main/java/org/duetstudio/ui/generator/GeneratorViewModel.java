package org.duetstudio.ui.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.config.LossPart;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.GanHealth;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.studio.GeneratorRun;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.curves.Curves;

/**
 * The generator side: which model with which settings, its curves (the loss and, for a VAE, its
 * reconstruction and KL parts), the latest sample grid from fixed latent points, and the latest
 * reconstructions and latent map.
 */
public final class GeneratorViewModel extends RunViewModel {
  public static final String TEST_LOSS = "test loss";

  /** Weight of a new step in the smoothed discriminator scores. */
  private static final double SMOOTHING = 0.05;

  private final ObjectProperty<GeneratorKind> kind = new SimpleObjectProperty<>(GeneratorKind.VAE);
  private final ObjectProperty<GeneratorSpec> spec =
      new SimpleObjectProperty<>(GeneratorSpec.defaults(GeneratorKind.VAE));
  private final ReadOnlyObjectWrapper<TrainingEvent.SamplesReady> samples = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GeneratorSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final Curves loss = new Curves();
  private final Curves parts = new Curves();
  private final ReadOnlyObjectWrapper<GeneratorPlot> plot = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GanHealth> health = new ReadOnlyObjectWrapper<>();
  private final TrainedGeneratorViewModel trained;
  private final DenoisingViewModel denoising;
  private GeneratorJob job;
  /** Smoothed discriminator scores over the latest steps. */
  private double dReal = Double.NaN;
  private double dFake = Double.NaN;

  public GeneratorViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    this(starter, relay, BackgroundTasks.sameThread());
  }

  /** @param modelWork runs work on trained models (drawing to order, k-means), one piece at a time */
  public GeneratorViewModel(
      RunStarter starter,
      Function<Consumer<List<TrainingEvent>>, TrainingListener> relay,
      BackgroundTasks modelWork) {
    super(starter, relay, modelWork);
    kind.addListener(
        (o, old, now) -> {
          spec.set(
              GeneratorSpec.defaults(now)
                  .withSeed(spec.get().seed())
                  // the user's choice carries over; a diffusion model is conditional unless told otherwise
                  .withConditional(spec.get().conditional() || now.isDiffusion()));
          showGeneratorPlot(now);
        });
    showGeneratorPlot(kind.get());
    this.trained = new TrainedGeneratorViewModel(this, modelWork);
    this.denoising = new DenoisingViewModel(this, modelWork);
  }

  private void showGeneratorPlot(GeneratorKind k) {
    GeneratorPlot p = GeneratorPlot.of(k);
    plot.set(p);
    List<String> lossNames = new ArrayList<>(p.loss().stream().map(LossPart::displayName).toList());
    if (p.testMetric() != null) {
      lossNames.add(TEST_LOSS);
    }
    loss.reset(lossNames.toArray(String[]::new));
    parts.reset(p.parts().stream().map(LossPart::displayName).toArray(String[]::new));
  }

  /** A finished diffusion model's walk from noise to picture. */
  public DenoisingViewModel denoising() {
    return denoising;
  }

  /** Drawing to order and k-means, on the model of the last run. */
  public TrainedGeneratorViewModel trained() {
    return trained;
  }

  /**
   * A GAN's health after its newest sample grid (collapse, a winning discriminator); null for a VAE and
   * before the first grid.
   */
  public ReadOnlyObjectProperty<GanHealth> healthProperty() {
    return health.getReadOnlyProperty();
  }

  /** Titles and series of the two charts, for the current kind. */
  public ReadOnlyObjectProperty<GeneratorPlot> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  public ObjectProperty<GeneratorKind> kindProperty() {
    return kind;
  }

  public ObjectProperty<GeneratorSpec> specProperty() {
    return spec;
  }

  /** The newest sample grid; null before the first. */
  public ReadOnlyObjectProperty<TrainingEvent.SamplesReady> samplesProperty() {
    return samples.getReadOnlyProperty();
  }

  /** Reconstructions and latent map after the last epoch; null before the first. */
  public ReadOnlyObjectProperty<GeneratorSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  public Curves lossCurves() {
    return loss;
  }

  public Curves partCurves() {
    return parts;
  }

  /** Trains the chosen model with the current settings on {@code data}; the last run's model is closed. */
  public void train(TrainTestData data) {
    if (isActive()) {
      throw new IllegalStateException("a run is already active");
    }
    ImageGenerator previous = model();
    showGeneratorPlot(spec.get().kind());
    job = new GeneratorJob(spec.get(), data);
    start(job);
    retire(previous);
  }

  /** Shows a finished run from a session: its settings, its model, and its curves and pictures. */
  public void restore(
      GeneratorSpec runSpec, TrainTestData data, ImageGenerator model, List<TrainingEvent> events) {
    if (isActive()) {
      throw new IllegalStateException("a run is active");
    }
    ImageGenerator previous = model();
    kind.set(runSpec.kind());
    spec.set(runSpec);
    showGeneratorPlot(runSpec.kind());
    job = GeneratorJob.restored(runSpec, data, model);
    replay(events);
    if (previous != model) {
      retire(previous);
    }
  }

  /** Closes the last run's model (the window is closing), after the work queued on the model lane. */
  public void closeModel() {
    retire(model());
  }

  /** The settings of the last run (null before one). */
  public GeneratorSpec runSpec() {
    return job == null ? null : job.spec();
  }

  /** The last run as it ended, for sessions and reports; null before one, or while one is active. */
  public GeneratorRun finishedRun() {
    ImageGenerator m = model();
    return m == null || isActive() ? null : new GeneratorRun(runSpec(), recordedEvents(), m);
  }

  /** The data of the last run (null before one). */
  public TrainTestData runData() {
    return job == null ? null : job.data();
  }

  /** The model of the last run (null before one); safe to use once the run has completed. */
  public ImageGenerator model() {
    return job == null ? null : job.model();
  }

  @Override
  protected void reset() {
    loss.clear();
    parts.clear();
    samples.set(null);
    snapshot.set(null);
    health.set(null);
    dReal = Double.NaN;
    dFake = Double.NaN;
  }

  @Override
  protected void onIteration(TrainingEvent.IterationDone e, At at) {
    GeneratorPlot p = plot.get();
    p.loss().forEach(part -> add(loss, part.displayName(), e.losses().get(part.key()), at));
    p.parts().forEach(part -> add(parts, part.displayName(), e.losses().get(part.key()), at));
    Double r = e.losses().get(LossPart.D_REAL.key());
    Double f = e.losses().get(LossPart.D_FAKE.key());
    if (r != null && f != null) {
      dReal = Double.isNaN(dReal) ? r : dReal + SMOOTHING * (r - dReal);
      dFake = Double.isNaN(dFake) ? f : dFake + SMOOTHING * (f - dFake);
    }
  }

  private static void add(Curves c, String name, Double v, At at) {
    if (v != null) {
      c.add(name, at.value(v));
    }
  }

  @Override
  protected void onEpoch(TrainingEvent.EpochDone e, At at) {
    String test = plot.get().testMetric();
    if (test != null) {
      add(loss, TEST_LOSS, e.metrics().get(test), at);
    }
    if (e.generator() != null) {
      snapshot.set(e.generator());
    }
  }

  @Override
  protected void onSamples(TrainingEvent.SamplesReady e) {
    samples.set(e);
    if (!Double.isNaN(dReal) && e.iteration() > 0) {
      health.set(GanHealth.assess(e.diversity(), dReal, dFake));
    }
  }

  @Override
  protected void afterBatch() {
    loss.changed();
    parts.changed();
  }
}
