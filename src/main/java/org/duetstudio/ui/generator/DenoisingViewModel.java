package org.duetstudio.ui.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The denoising path of a finished diffusion model: a few samples from fixed noise, the image at every
 * few steps from noise to picture, redrawn from the same noise when the guidance, the steps or the class
 * change (so a student sees what each changes and nothing else).
 */
public final class DenoisingViewModel {
  /** Samples drawn side by side. */
  public static final int SAMPLES = 6;

  /** Frames of the path shown, about (besides the noise; the last step is always one). */
  public static final int FRAMES = 8;

  private final GeneratorViewModel generator;
  private final BackgroundTasks modelWork;
  private final DoubleProperty guidance = new SimpleDoubleProperty(Double.NaN);
  private final IntegerProperty steps = new SimpleIntegerProperty(0);
  private final IntegerProperty classIndex = new SimpleIntegerProperty(0);
  private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private long noiseSeed = 1;

  /**
   * A walk: {@code frames.get(k)} holds the {@link #SAMPLES} images after the k-th shown step (frame 0:
   * the noise), as pixels.
   *
   * @param stepOfFrame the step each frame was taken after (0 for the noise)
   */
  public record Path(List<List<float[]>> frames, int[] stepOfFrame, double guidance, int steps) {}

  public DenoisingViewModel(GeneratorViewModel generator, BackgroundTasks modelWork) {
    this.generator = generator;
    this.modelWork = modelWork;
    generator.stateProperty().addListener((o, a, s) -> {
      path.set(null);
      if (s == RunState.COMPLETED && generator.model() instanceof Denoiser d) {
        guidance.set(d.defaultGuidance());
        steps.set(d.defaultSteps());
        redraw();
      }
    });
  }

  /** The guidance the path is drawn with (a conditional model's; 0–8). */
  public DoubleProperty guidanceProperty() {
    return guidance;
  }

  /** Steps from noise to picture. */
  public IntegerProperty stepsProperty() {
    return steps;
  }

  /** The class asked for (a conditional model). */
  public IntegerProperty classProperty() {
    return classIndex;
  }

  /** The last walk drawn; null before one (or for a generator that is no diffusion model). */
  public ReadOnlyObjectProperty<Path> pathProperty() {
    return path.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True when the last run's model draws by denoising and has finished. */
  public boolean available() {
    return generator.stateProperty().get() == RunState.COMPLETED && generator.model() instanceof Denoiser;
  }

  /** New noise, then {@link #redraw()}. */
  public void newNoise() {
    noiseSeed++;
    redraw();
  }

  /** Walks the same noise again with the current guidance, steps and class, in the background. */
  public void redraw() {
    if (!available()) {
      status.set("Train a diffusion generator first: its drawing walks from noise to a picture.");
      return;
    }
    Denoiser d = (Denoiser) generator.model();
    int n = Math.max(1, steps.get());
    double w = Double.isNaN(guidance.get()) ? d.defaultGuidance() : guidance.get();
    int cls = classIndex.get();
    long seed = noiseSeed;
    status.set("");
    modelWork.run(
        () -> walk(d, n, w, cls, seed),
        path::set,
        t -> status.set("Drawing the path failed: " + t.getMessage()));
  }

  private static Path walk(Denoiser d, int n, double w, int cls, long seed) {
    float[][] noise = d.samplePrior(SAMPLES, seed);
    float[][] weights = null;
    if (d instanceof ConditionalGenerator cg) {
      int[] labels = new int[SAMPLES];
      Arrays.fill(labels, cls);
      weights = ConditionalGenerator.oneHot(labels, cg.classNames().size());
    }
    int every = Math.max(1, (n + FRAMES - 1) / FRAMES);
    List<float[][]> states = d.path(noise, weights, w, n, every);
    List<List<float[]>> frames = new ArrayList<>();
    int[] at = new int[states.size()];
    for (int k = 0; k < states.size(); k++) {
      frames.add(List.of(d.toImages(states.get(k))));
      at[k] = k == states.size() - 1 ? n : k * every;
    }
    return new Path(frames, at, w, n);
  }
}
