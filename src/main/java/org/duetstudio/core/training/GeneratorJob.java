package org.duetstudio.core.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainer;

/**
 * Trains a generator, draws its sample grid from fixed latent points every few seconds and after each
 * epoch, and measures its held-out loss on up to {@value #TEST_EVAL_LIMIT} test images per epoch.
 */
public final class GeneratorJob implements TrainingJob {
  /** Images in the sample grid (8 × 8). */
  public static final int GRID_SIZE = 64;

  static final int TEST_EVAL_LIMIT = 1000;

  private final GeneratorSpec spec;
  private final TrainTestData data;
  private volatile ImageGenerator model;
  private float[][] fixedLatent;

  public GeneratorJob(GeneratorSpec spec, TrainTestData data) {
    this.spec = spec;
    this.data = data;
  }

  public GeneratorSpec spec() {
    return spec;
  }

  public TrainTestData data() {
    return data;
  }

  /** The model; null until the run has built it. */
  public ImageGenerator model() {
    return model;
  }

  @Override
  public String modelName() {
    return spec.kind().displayName();
  }

  @Override
  public int epochs() {
    return spec.epochs();
  }

  @Override
  public int trainImages() {
    return data.train().size();
  }

  @Override
  public Trainer prepare() {
    model = Models.generator(spec, data.shape());
    fixedLatent = model.samplePrior(GRID_SIZE, spec.seed());
    return model.trainer(data.train());
  }

  @Override
  public EpochReport endEpoch(int epoch, Map<String, Double> meanTrainLosses) {
    Map<String, Double> metrics = new HashMap<>();
    meanTrainLosses.forEach((k, v) -> metrics.put(Metrics.TRAIN_PREFIX + k, v));
    model
        .evaluateLoss(data.test().head(TEST_EVAL_LIMIT), spec.seed())
        .forEach((k, v) -> metrics.put(Metrics.TEST_PREFIX + k, v));
    return new EpochReport(metrics, null);
  }

  @Override
  public Optional<Double> sampleIntervalSeconds() {
    return Optional.of(spec.sampleIntervalSeconds());
  }

  @Override
  public Samples samples() {
    return new Samples(data.shape(), List.copyOf(Arrays.asList(model.decode(fixedLatent))));
  }
}
