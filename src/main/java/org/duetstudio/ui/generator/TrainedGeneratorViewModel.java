package org.duetstudio.ui.generator;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.prompt.Prompt;
import org.duetstudio.core.prompt.PromptReader;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * Work on the generator side that needs no classifier: drawing a chosen class from a finished conditional
 * generator, and k-means ({@link Judge#pixelClusters}, {@link Judge#codeClusters}) on the test images'
 * pixels or a finished VAE's latent codes, with the judge's settings for the run's seed.
 */
public final class TrainedGeneratorViewModel {
  private final GeneratorViewModel generator;
  private final BackgroundTasks modelWork;
  private final ReadOnlyObjectWrapper<Clusters> clusters = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<float[]>> ordered = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private long orders;

  /** @param modelWork the lane for work on trained models */
  public TrainedGeneratorViewModel(GeneratorViewModel generator, BackgroundTasks modelWork) {
    this.generator = generator;
    this.modelWork = modelWork;
    generator.stateProperty().addListener(
        (o, a, s) -> {
          if (s == RunState.STARTING) {
            ordered.set(null);
          }
        });
  }

  /** The last k-means result; null before one. */
  public ReadOnlyObjectProperty<Clusters> clustersProperty() {
    return clusters.getReadOnlyProperty();
  }

  /** Images drawn to order by a conditional generator; null before any. */
  public ReadOnlyObjectProperty<List<float[]>> orderedProperty() {
    return ordered.getReadOnlyProperty();
  }

  /** What went wrong with k-means or drawing to order; empty when nothing did. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Test images k-means groups. */
  public static int clusterImages() {
    return JudgeSettings.CLUSTER_IMAGES;
  }

  /** True when the last run finished and its model may be used. */
  private boolean finished() {
    return generator.model() != null && generator.stateProperty().get() == RunState.COMPLETED;
  }

  /**
   * k-means with one cluster per class, on the test images' pixels or — for a finished VAE — on their
   * latent codes; compared with the true classes.
   */
  public void cluster(TrainTestData data, boolean latentCodes) {
    if (data == null) {
      return;
    }
    ImageGenerator g = generator.model();
    if (latentCodes && !(finished() && g instanceof Autoencoder)) {
      status.set("Latent codes need a finished VAE; clustering pixels needs no model.");
      return;
    }
    status.set("");
    Judge judge = new Judge(settings(data));
    modelWork.run(
        () -> latentCodes ? judge.codeClusters(g, data.test()) : judge.pixelClusters(data.test()),
        clusters::set,
        t -> status.set("k-means failed: " + t.getMessage()));
  }

  /** The judge's settings for the last run's seed (the settings' seed before a run). */
  private JudgeSettings settings(TrainTestData data) {
    GeneratorSpec spec =
        generator.runSpec() != null ? generator.runSpec() : generator.specProperty().get();
    return JudgeSettings.defaults(spec.seed(), data.test().classNames());
  }

  /**
   * Reads {@code text} ("two bags") against the data's classes and draws what it asks for; an unknown
   * prompt says which words it knows.
   */
  public void prompt(String text) {
    if (!(finished() && generator.model() instanceof ConditionalGenerator cg)) {
      status.set("Train a class-conditional generator first: it is the one that can be asked for a class.");
      return;
    }
    Prompt p;
    try {
      p = PromptReader.forClasses(cg.classNames()).read(text);
    } catch (IllegalArgumentException e) {
      status.set(e.getMessage());
      return;
    }
    drawToOrder(p.classIndex(), p.count());
    status.set(String.format(Locale.ROOT, "\"%s\": %d × %s.", text.strip(), p.count(), p.className()));
  }

  /** Asks a finished conditional generator for {@code n} images of class {@code label}. */
  public void drawToOrder(int label, int n) {
    if (!(finished() && generator.model() instanceof ConditionalGenerator cg)) {
      status.set("Train a class-conditional generator first.");
      return;
    }
    status.set("");
    long seed = ++orders;
    modelWork.run(
        () -> List.of(cg.sampleOf(label, n, seed)),
        ordered::set,
        t -> status.set("Drawing failed: " + t.getMessage()));
  }
}
