package org.duetstudio.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.Predictions;

/**
 * What a training run reports, in order: {@link Started}, then {@link IterationDone} per step, {@link
 * EpochDone} per pass (and {@link SamplesReady} for generators), and finally {@link Finished} or {@link
 * Failed}. Every event is immutable, so it can cross threads freely.
 *
 * <p>{@code elapsedSeconds} is training time since the start, paused time excluded: the clock the curves
 * are drawn against.
 */
public sealed interface TrainingEvent {
  String runId();

  double elapsedSeconds();

  /** The model is built and training begins; {@code stepsPerEpoch} steps make one epoch. */
  record Started(
      String runId,
      double elapsedSeconds,
      String modelName,
      int epochs,
      int stepsPerEpoch,
      int trainImages)
      implements TrainingEvent {}

  /**
   * One training step is done.
   *
   * @param epoch the pass, from 1
   * @param iteration steps done in this run so far, from 1
   * @param imagesSeen training images processed so far (counting repeats)
   * @param losses "loss" and, for some models, its parts
   * @param stepSeconds how long the model's step itself took (the rest of the loop is the engine's)
   */
  record IterationDone(
      String runId,
      double elapsedSeconds,
      int epoch,
      int iteration,
      long imagesSeen,
      Map<String, Double> losses,
      double stepSeconds)
      implements TrainingEvent {
    public IterationDone {
      losses = Map.copyOf(losses);
    }
  }

  /**
   * A pass over the training set is done and the model has been measured.
   *
   * @param metrics e.g. "train_loss", "test_accuracy"; see {@link Metrics}
   * @param predictions a classifier's answers on the test set; null for generators
   * @param generator a generator's reconstructions and latent map; null for classifiers
   */
  record EpochDone(
      String runId,
      double elapsedSeconds,
      int epoch,
      int iteration,
      long imagesSeen,
      Map<String, Double> metrics,
      Predictions predictions,
      GeneratorSnapshot generator)
      implements TrainingEvent {
    public EpochDone {
      metrics = Map.copyOf(metrics);
    }
  }

  /**
   * A generator drew its sample grid: the same latent points every time, so one sees them sharpen.
   *
   * @param images pixel rows in [0, 1], each of {@code shape}
   */
  record SamplesReady(
      String runId,
      double elapsedSeconds,
      int epoch,
      int iteration,
      ImageShape shape,
      List<float[]> images,
      int columns,
      double diversity)
      implements TrainingEvent {
    public SamplesReady {
      List<float[]> copy = new ArrayList<>(images.size());
      for (float[] img : images) {
        copy.add(img.clone());
      }
      images = List.copyOf(copy);
    }

    /** A copy of image {@code i}. */
    public float[] image(int i) {
      return images.get(i).clone();
    }
  }

  /**
   * The run ended normally or was cancelled.
   *
   * @param cancelled true when stopped by {@link TrainingRun#cancel()}
   * @param epochsCompleted full passes done
   * @param finalMetrics the last epoch's metrics (empty if none completed)
   */
  record Finished(
      String runId,
      double elapsedSeconds,
      boolean cancelled,
      int epochsCompleted,
      Map<String, Double> finalMetrics)
      implements TrainingEvent {
    public Finished {
      finalMetrics = Map.copyOf(finalMetrics);
    }
  }

  /** The run stopped on an error; {@code message} is one sentence for the user. */
  record Failed(String runId, double elapsedSeconds, String message) implements TrainingEvent {}
}
