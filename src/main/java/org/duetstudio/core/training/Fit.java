package org.duetstudio.core.training;

import java.util.concurrent.CancellationException;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainable;
import org.duetstudio.core.model.Trainer;

/**
 * Trains a model on the calling thread, for the judge's and the experiments' own trainings (a fresh
 * classifier for the classification accuracy score, say): no events, a progress callback and a cancel
 * check between steps. Long runs the user watches belong to {@link TrainingEngine}.
 */
public final class Fit {
  private Fit() {}

  /** Told how far a fit has got; asked between steps whether to stop. */
  public interface Monitor {
    Monitor NONE = new Monitor() {};

    /** {@code fraction} of the work done, in [0, 1]. */
    default void progress(double fraction) {}

    /** True to stop; the fit then throws {@link CancellationException}. */
    default boolean cancelled() {
      return Thread.currentThread().isInterrupted();
    }
  }

  /** A fresh classifier of {@code spec} trained on {@code train} for the spec's epochs. */
  public static ImageClassifier classifier(ClassifierSpec spec, ImageDataset train, Monitor monitor) {
    ImageClassifier model = Models.classifier(spec, train.shape(), train.classNames());
    return trainOrClose(model, model.name(), train, spec.epochs(), monitor);
  }

  /** {@link #train}, closing the model if its training fails (stopped or diverged): nobody gets it. */
  public static <M extends Trainable> M trainOrClose(
      M model, String name, ImageDataset train, int epochs, Monitor monitor) {
    try {
      return train(model, name, train, epochs, monitor);
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
  }

  /**
   * Trains {@code model} on {@code train} for {@code epochs} passes, reporting progress after every step;
   * a loss that is not finite stops it with one sentence naming {@code name}.
   */
  public static <M extends Trainable> M train(
      M model, String name, ImageDataset train, int epochs, Monitor monitor) {
    Trainer t = model.trainer(train);
    int steps = t.stepsPerEpoch();
    for (int e = 1; e <= epochs; e++) {
      t.startEpoch(e);
      for (int s = 0; s < steps; s++) {
        if (monitor.cancelled()) {
          throw new CancellationException("stopped");
        }
        double loss = t.step().loss();
        if (!Double.isFinite(loss)) {
          throw new IllegalStateException(
              name + " diverged (loss " + loss + "); try a smaller learning rate");
        }
        monitor.progress(((e - 1) * steps + s + 1) / (double) (epochs * steps));
      }
    }
    return model;
  }
}
