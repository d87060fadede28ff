package org.duetstudio.core.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Trainer;

/**
 * What the engine runs: a model, its data and how to measure it. The engine owns the loop (pause,
 * cancel, events); a job owns the model. All methods are called on the run's thread, in the order
 * {@link #prepare()}, then per epoch {@link Trainer#startEpoch}, steps, {@link #endEpoch}.
 */
public interface TrainingJob {
  String modelName();

  int epochs();

  int trainImages();

  /** Builds the model (can take seconds: native libraries load on first use) and returns its trainer. */
  Trainer prepare();

  /** Measures the model after an epoch, given the mean training losses over it. */
  EpochReport endEpoch(int epoch, Map<String, Double> meanTrainLosses);

  /**
   * The model's checkpoint (weights and optimiser state), taken on the run's thread between epochs; see
   * {@link org.duetstudio.core.model.Persistent#checkpoint()}.
   */
  default ModelState checkpoint() {
    throw new UnsupportedOperationException(modelName() + " keeps no checkpoints");
  }

  /** Called after {@link #prepare()} when a run resumes: takes {@code checkpoint} into the new model. */
  default void resume(ModelState checkpoint) {
    throw new UnsupportedOperationException(modelName() + " cannot resume");
  }

  /** Seconds between sample grids while training; empty for models that draw none. */
  default Optional<Double> sampleIntervalSeconds() {
    return Optional.empty();
  }

  /** A sample grid from the fixed latent points, for models that draw. */
  default Samples samples() {
    throw new UnsupportedOperationException(modelName() + " draws no samples");
  }

  /**
   * Metrics after an epoch, a classifier's test predictions (else null) and a generator's snapshot (else
   * null).
   */
  record EpochReport(
      Map<String, Double> metrics, Predictions predictions, GeneratorSnapshot generator) {
    public EpochReport {
      metrics = Map.copyOf(metrics);
    }
  }

  /**
   * A sample grid: images of one shape.
   *
   * @param columns images per row (a conditional generator's grid has one class per column)
   * @param diversity how varied the images are, as a share of real images' variety ({@link
   *     org.duetstudio.core.eval.SampleDiversity}); NaN when not measured
   */
  record Samples(ImageShape shape, List<float[]> images, int columns, double diversity) {}
}
