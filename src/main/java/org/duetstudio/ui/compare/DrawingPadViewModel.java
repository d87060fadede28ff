package org.duetstudio.ui.compare;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The drawing pad: both finished models answer a drawn image — the classifier with probabilities, a VAE
 * with its reconstruction and latent code.
 */
public final class DrawingPadViewModel {
  /**
   * Both models' answers to one drawing.
   *
   * @param probabilities the classifier's, one per class
   * @param reconstruction the VAE's version of the drawing; null for a generator without an encoder
   * @param code where the VAE places it; null likewise
   */
  public record Answer(float[] drawing, float[] probabilities, float[] reconstruction, float[] code) {}

  private final FindingsViewModel findings;
  private final BackgroundTasks modelWork;
  private final ReadOnlyObjectWrapper<Answer> answer = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  public DrawingPadViewModel(FindingsViewModel findings, BackgroundTasks modelWork) {
    this.findings = findings;
    this.modelWork = modelWork;
    findings.readyProperty().addListener((o, a, r) -> answer.set(null));
  }

  /** The answer to the last drawing; null before one and after the models change. */
  public ReadOnlyObjectProperty<Answer> answerProperty() {
    return answer.getReadOnlyProperty();
  }

  /** What went wrong; empty when nothing did. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Asks both models about a drawing (pixels in the data's shape, [0, 1], 1 = ink). */
  public void answer(float[] pixels) {
    if (!findings.readyProperty().get()) {
      return;
    }
    ImageClassifier c = findings.classifier();
    ImageGenerator g = findings.generatorModel();
    float[] copy = pixels.clone();
    modelWork.run(
        () -> {
          ImageDataset one =
              new ImageDataset("drawing", c.shape(), new float[][] {copy}, new int[1], c.classNames());
          float[] p = c.predictProbabilities(one)[0];
          if (g instanceof Autoencoder ae) {
            // a conditional VAE needs the class: take the classifier's answer
            ImageDataset labelled =
                new ImageDataset(
                    "drawing",
                    c.shape(),
                    new float[][] {copy},
                    new int[] {LabelFidelity.argmax(p)},
                    c.classNames());
            return new Answer(copy, p, ae.reconstruct(labelled)[0], ae.encode(labelled)[0]);
          }
          return new Answer(copy, p, null, null);
        },
        a -> {
          status.set("");
          answer.set(a);
        },
        t -> status.set("The drawing pad failed: " + t.getMessage()));
  }
}
