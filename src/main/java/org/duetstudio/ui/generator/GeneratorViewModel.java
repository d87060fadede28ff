package org.duetstudio.ui.generator;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
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

  private final ObjectProperty<GeneratorKind> kind = new SimpleObjectProperty<>(GeneratorKind.VAE);
  private final ObjectProperty<GeneratorSpec> spec =
      new SimpleObjectProperty<>(GeneratorSpec.defaults(GeneratorKind.VAE));
  private final ReadOnlyObjectWrapper<TrainingEvent.SamplesReady> samples = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<GeneratorSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final Curves loss = new Curves(LOSS, TEST_LOSS);
  private final Curves parts = new Curves(RECONSTRUCTION, KL);

  public GeneratorViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    super(starter, relay);
    kind.addListener(
        (o, old, now) -> spec.set(GeneratorSpec.defaults(now).withSeed(spec.get().seed())));
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
    start(new GeneratorJob(spec.get(), data));
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
    loss.add(LOSS, at.value(e.losses().get("loss")));
    Double r = e.losses().get("reconstruction");
    if (r != null) {
      parts.add(RECONSTRUCTION, at.value(r));
    }
    Double kl = e.losses().get("kl");
    if (kl != null) {
      parts.add(KL, at.value(kl));
    }
  }

  @Override
  protected void onEpoch(TrainingEvent.EpochDone e, At at) {
    Double test = e.metrics().get(Metrics.TEST_PREFIX + "loss");
    if (test != null) {
      loss.add(TEST_LOSS, at.value(test));
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
