package org.duetstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;

/** Event sequences as a run would send them, for view-model tests without an engine or a window. */
public final class RecordedRuns {
  private RecordedRuns() {}

  /** A classifier run: 2 epochs of 4 steps, predictions on 6 test images, finished. */
  public static List<TrainingEvent> classifier(String id) {
    List<String> classes = List.of("a", "b", "c");
    List<TrainingEvent> e = new ArrayList<>();
    e.add(new TrainingEvent.Started(id, 0.1, "cnn", 2, 4, 40));
    int it = 0;
    for (int ep = 1; ep <= 2; ep++) {
      for (int s = 0; s < 4; s++) {
        it++;
        e.add(
            new TrainingEvent.IterationDone(
                id, 0.1 * it, ep, it, 10L * it, Map.of("loss", 2.0 / it), 0.09));
      }
      Predictions p =
          new Predictions(
              new int[] {0, 1, 2, 0, 1, 2},
              ep == 1 ? new int[] {0, 0, 2, 1, 1, 2} : new int[] {0, 1, 2, 0, 1, 1},
              new float[] {.9f, .5f, .8f, .4f, .7f, .6f},
              classes);
      e.add(
          new TrainingEvent.EpochDone(
              id, 0.5 * ep, ep, it, 10L * it,
              Map.of("train_loss", 1.0 / ep, "test_loss", 1.2 / ep, "train_accuracy", 0.5 + ep * 0.2,
                  "test_accuracy", p.accuracy()),
              p, null));
    }
    e.add(new TrainingEvent.Finished(id, 1.1, false, 2, Map.of()));
    return e;
  }

  /** A generator run: samples before training and after its only epoch, with a 2-D latent map. */
  public static List<TrainingEvent> generator(String id) {
    ImageShape shape = new ImageShape(2, 2, 1);
    List<float[]> grid = List.of(new float[] {0, 1, 0, 1}, new float[] {1, 0, 1, 0});
    GeneratorSnapshot snap =
        new GeneratorSnapshot(
            shape, grid, grid, List.of(new float[] {0.5f, -0.5f}, new float[] {-1, 1}), new int[] {0, 1},
            List.of("a", "b"), List.of(new float[4], new float[4], new float[4], new float[4]), 2, 2.5);
    List<TrainingEvent> e = new ArrayList<>();
    e.add(new TrainingEvent.Started(id, 0, "vae", 1, 3, 30));
    e.add(new TrainingEvent.SamplesReady(id, 0, 0, 0, shape, grid, 8, 0.9));
    for (int it = 1; it <= 3; it++) {
      e.add(
          new TrainingEvent.IterationDone(
              id, it, 1, it, 10L * it,
              Map.of("loss", 300.0 - it, "reconstruction", 290.0 - it, "kl", 10.0),
              0.9));
    }
    e.add(
        new TrainingEvent.EpochDone(
            id, 3.5, 1, 3, 30, Map.of("train_loss", 298.0, "test_loss", 299.0), null, snap));
    e.add(new TrainingEvent.SamplesReady(id, 3.6, 1, 3, shape, grid, 8, 0.9));
    e.add(new TrainingEvent.Failed(id, 3.7, "Training diverged: the loss became NaN at epoch 1, step 4."));
    return e;
  }
}
