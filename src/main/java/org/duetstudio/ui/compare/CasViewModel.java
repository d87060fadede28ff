package org.duetstudio.ui.compare;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.training.Fit;
import org.duetstudio.ui.common.BackgroundTask;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The classification accuracy score, on request: {@link Judge#cas} in the background with its progress and
 * a Stop; the score joins the judge's findings.
 */
public final class CasViewModel {
  private final FindingsViewModel findings;
  private final Supplier<ClassifierSpec> classifierSpec;
  private final BackgroundTasks modelWork;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private BackgroundTask<ClassificationAccuracyScore> task;

  /** @param classifierSpec the settings of the judging classifier, which CAS trains afresh */
  public CasViewModel(
      FindingsViewModel findings, Supplier<ClassifierSpec> classifierSpec, BackgroundTasks modelWork) {
    this.findings = findings;
    this.classifierSpec = classifierSpec;
    this.modelWork = modelWork;
    findings.readyProperty().addListener((o, a, r) -> cancel()); // the models it measures are gone
  }

  /** The running measurement's progress in [0, 1]; −1 when none runs. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What runs, how it ended, or why it cannot start; empty otherwise. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether CAS can be measured now: both sides finished, the generator class-conditional. */
  public boolean possible() {
    return findings.readyProperty().get() && findings.generatorModel() instanceof ConditionalGenerator;
  }

  /** Generated (and as many real) images CAS trains on; 0 before both sides are ready. */
  public int images() {
    Judge j = findings.judge();
    return j == null ? 0 : j.settings().casImagesFor(findings.data().train().size());
  }

  /**
   * Trains a fresh classifier of the judge's settings on generated images and another on as many real ones,
   * tests both on real test images; ignored while one runs.
   */
  public void run() {
    if (!possible()) {
      status.set("CAS needs a finished class-conditional generator and a finished classifier.");
      return;
    }
    if (task != null) {
      return;
    }
    ClassifierSpec spec = classifierSpec.get();
    if (spec == null) {
      status.set("CAS needs the settings of the classifier's run.");
      return;
    }
    Judge judge = findings.judge();
    TrainTestData data = findings.data();
    ConditionalGenerator g = (ConditionalGenerator) findings.generatorModel();
    int round = findings.round();
    progress.set(0);
    status.set("Training " + spec.kind().displayName() + " on generated images, then on real ones…");
    BackgroundTask<ClassificationAccuracyScore> t =
        BackgroundTask.of(context -> judge.cas(g, spec, data, monitor(context)));
    task = t;
    t.onProgress(
            p -> {
              if (task == t) {
                progress.set(p);
              }
            })
        .onSuccess(
            r -> {
              end(t, "");
              findings.update(round, f -> f.withCas(r));
            })
        .onCancelled(() -> end(t, "Stopped."))
        .onFailure(e -> end(t, "CAS failed: " + e.getMessage()));
    modelWork.run(t);
  }

  /** Stops a running measurement after its current training step. */
  public void cancel() {
    if (task != null) {
      task.cancel();
    }
  }

  private void end(BackgroundTask<ClassificationAccuracyScore> t, String message) {
    if (task == t) {
      task = null;
      progress.set(-1);
      status.set(message);
    }
  }

  private static Fit.Monitor monitor(BackgroundTask.Context context) {
    return new Fit.Monitor() {
      @Override
      public void progress(double fraction) {
        context.progress(fraction);
      }

      @Override
      public boolean cancelled() {
        return context.cancelled();
      }
    };
  }
}
