package org.duetstudio.ui.generator;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.GanHealth;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.studio.GeneratorRun;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.Metrics;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.curves.Curves;

/**
 * The generator side: which model with which settings, its curves (the loss and, for a VAE, its
 * reconstruction and KL parts), the latest sample grid from fixed latent points, and the latest
 * reconstructions and latent map.
 */
public final class GeneratorViewModel extends RunViewModel {
  public static final String LOSS = "loss";
  public static final String TEST_LOSS = "test loss";
  public static final String RECONSTRUCTION = "reconstruction";
  public static final String KL = "KL";
  public static final String GENERATOR = "generator";
  public static final String DISCRIMINATOR = "discriminator";
  public static final String D_REAL = "D(real)";
  public static final String D_FAKE = "D(fake)";

  /**
   * What a kind of generator reports and where it is drawn: event key → series name, for the loss chart
   * and the parts chart, and the per-epoch test metric of the loss chart (null for none).
   */
  public record Plot(
      String lossTitle,
      Map<String, String> loss,
      String partsTitle,
      String partsAxis,
      Map<String, String> parts,
      String testMetric) {
    static Plot of(GeneratorKind kind) {
      return switch (kind) {
        case VAE ->
            new Plot(
                "Loss (negative ELBO), nats per image",
                orderedMap("loss", LOSS),
                "Loss parts",
                "nats per image",
                orderedMap("reconstruction", RECONSTRUCTION, "kl", KL),
                Metrics.TEST_PREFIX + "loss");
        case GAN, DCGAN ->
            new Plot(
                "Generator and discriminator losses",
                orderedMap("generator", GENERATOR, "discriminator", DISCRIMINATOR),
                "Discriminator's mean score (1 = \"real\")",
                "probability",
                orderedMap("d_real", D_REAL, "d_fake", D_FAKE),
                null);
      };
    }

    private static Map<String, String> orderedMap(String... kv) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        m.put(kv[i], kv[i + 1]);
      }
      return m;
    }
  }

  private final ObjectProperty<GeneratorKind> kind = new SimpleObjectProperty<>(GeneratorKind.VAE);
  private final ObjectProperty<GeneratorSpec> spec =
      new SimpleObjectProperty<>(GeneratorSpec.defaults(GeneratorKind.VAE));
  private final ReadOnlyObjectWrapper<TrainingEvent.SamplesReady> samples = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GeneratorSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final Curves loss = new Curves();
  private GeneratorJob job;
  private final Curves parts = new Curves();
  private final ReadOnlyObjectWrapper<Plot> plot = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GanHealth> health = new ReadOnlyObjectWrapper<>();
  /** Smoothed discriminator scores over the latest steps (weight {@value #SMOOTHING} per new step). */
  private double dReal = Double.NaN;
  private double dFake = Double.NaN;
  private static final double SMOOTHING = 0.05;

  public GeneratorViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    this(starter, relay, BackgroundTasks.sameThread());
  }

  /** @param modelWork runs work on trained models (drawing to order, k-means), one piece at a time */
  public GeneratorViewModel(
      RunStarter starter,
      Function<Consumer<List<TrainingEvent>>, TrainingListener> relay,
      BackgroundTasks modelWork) {
    super(starter, relay);
    this.modelWork = modelWork;
    kind.addListener(
        (o, old, now) -> {
          spec.set(
              GeneratorSpec.defaults(now)
                  .withSeed(spec.get().seed())
                  .withConditional(spec.get().conditional()));
          showPlot(now);
        });
    showPlot(kind.get());
  }

  private void showPlot(GeneratorKind k) {
    Plot p = Plot.of(k);
    plot.set(p);
    List<String> lossNames = new java.util.ArrayList<>(p.loss().values());
    if (p.testMetric() != null) {
      lossNames.add(TEST_LOSS);
    }
    loss.reset(lossNames.toArray(String[]::new));
    parts.reset(p.parts().values().toArray(String[]::new));
  }

  /**
   * A GAN's health after its newest sample grid (collapse, a winning discriminator); null for a VAE and
   * before the first grid.
   */
  public ReadOnlyObjectProperty<GanHealth> healthProperty() {
    return health.getReadOnlyProperty();
  }

  /** Titles and series of the two charts, for the current kind. */
  public ReadOnlyObjectProperty<Plot> plotProperty() {
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

  public void train(TrainTestData data) {
    showPlot(spec.get().kind());
    job = new GeneratorJob(spec.get(), data);
    start(job);
  }

  private final BackgroundTasks modelWork;
  private final ReadOnlyObjectWrapper<Clusters> clusters = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<float[]>> ordered = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper extrasStatus = new ReadOnlyStringWrapper("");

  /** Points k-means clusters: test images (or their codes). */
  public static final int CLUSTER_POINTS = 2000;

  /** The last k-means result; null before one. */
  public ReadOnlyObjectProperty<Clusters> clustersProperty() {
    return clusters.getReadOnlyProperty();
  }

  /** Images drawn to order by a conditional generator; null before any. */
  public ReadOnlyObjectProperty<List<float[]>> orderedProperty() {
    return ordered.getReadOnlyProperty();
  }

  /** What went wrong with k-means or drawing to order; empty when nothing did. */
  public ReadOnlyStringProperty extrasStatusProperty() {
    return extrasStatus.getReadOnlyProperty();
  }

  /** True when the last run finished and its model may be used. */
  private boolean finished() {
    return model() != null && stateProperty().get() == org.duetstudio.core.training.RunState.COMPLETED;
  }

  /**
   * k-means with one cluster per class, on the test images' pixels or — for a finished VAE — on their
   * latent codes; compared with the true classes.
   */
  public void cluster(TrainTestData data, boolean latentCodes) {
    if (data == null) {
      return;
    }
    ImageGenerator g = model();
    if (latentCodes && !(finished() && g instanceof Autoencoder)) {
      extrasStatus.set("Latent codes need a finished VAE; clustering pixels needs no model.");
      return;
    }
    extrasStatus.set("");
    ImageDataset test = data.test().head(CLUSTER_POINTS);
    modelWork.run(
        () -> {
          float[][] points;
          if (latentCodes) {
            points = ((Autoencoder) g).encode(test);
          } else {
            points = new float[test.size()][];
            for (int i = 0; i < test.size(); i++) {
              points[i] = test.image(i);
            }
          }
          return Clusters.of(
              points,
              test.labels(),
              test.classNames(),
              test.numClasses(),
              42,
              latentCodes ? "the VAE's latent codes (" + g.latentDim() + " dimensions)" : "raw pixels");
        },
        clusters::set,
        t -> extrasStatus.set("k-means failed: " + t.getMessage()));
  }

  /** Asks a finished conditional generator for {@code n} images of class {@code label}. */
  public void drawToOrder(int label, int n) {
    if (!(finished() && model() instanceof ConditionalGenerator cg)) {
      extrasStatus.set("Train a class-conditional generator first.");
      return;
    }
    extrasStatus.set("");
    long seed = ++orders;
    modelWork.run(
        () -> List.of(cg.sampleOf(label, n, seed)),
        ordered::set,
        t -> extrasStatus.set("Drawing failed: " + t.getMessage()));
  }

  private long orders;

  /** Shows a finished run from a session: its settings, its model, and its curves and pictures. */
  public void restore(
      GeneratorSpec runSpec, TrainTestData data, ImageGenerator model, List<TrainingEvent> events) {
    kind.set(runSpec.kind());
    spec.set(runSpec);
    showPlot(runSpec.kind());
    job = GeneratorJob.restored(runSpec, data, model);
    replay(events);
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
    ordered.set(null);
    dReal = Double.NaN;
    dFake = Double.NaN;
  }

  @Override
  protected void onIteration(TrainingEvent.IterationDone e, At at) {
    Plot p = plot.get();
    p.loss().forEach((key, name) -> add(loss, name, e.losses().get(key), at));
    p.parts().forEach((key, name) -> add(parts, name, e.losses().get(key), at));
    Double r = e.losses().get(D_REAL_KEY);
    Double f = e.losses().get(D_FAKE_KEY);
    if (r != null && f != null) {
      dReal = Double.isNaN(dReal) ? r : dReal + SMOOTHING * (r - dReal);
      dFake = Double.isNaN(dFake) ? f : dFake + SMOOTHING * (f - dFake);
    }
  }

  private static final String D_REAL_KEY = "d_real";
  private static final String D_FAKE_KEY = "d_fake";

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
