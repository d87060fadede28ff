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
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ImageGenerator;
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

  public GeneratorViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    super(starter, relay);
    kind.addListener(
        (o, old, now) -> {
          spec.set(GeneratorSpec.defaults(now).withSeed(spec.get().seed()));
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
  }

  @Override
  protected void onIteration(TrainingEvent.IterationDone e, At at) {
    Plot p = plot.get();
    p.loss().forEach((key, name) -> add(loss, name, e.losses().get(key), at));
    p.parts().forEach((key, name) -> add(parts, name, e.losses().get(key), at));
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
  }

  @Override
  protected void afterBatch() {
    loss.changed();
    parts.changed();
  }
}
