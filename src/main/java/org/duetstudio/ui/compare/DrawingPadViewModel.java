package org.duetstudio.ui.compare;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageFiles;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * The drawing pad and "ask the classifier": both finished models answer a drawn image or an image file
 * of the user's own — the classifier with probabilities, a VAE with its reconstruction and latent code.
 * A file is read to the data's shape by core's {@link ImageFiles} (scaled, cropped, made grey as the data
 * are), and inverted when its background is light where the data's is dark (or the other way round).
 */
public final class DrawingPadViewModel {
  /**
   * Both models' answers to one drawing.
   *
   * @param probabilities the classifier's, one per class
   * @param reconstruction the VAE's version of the drawing; null for a generator without an encoder
   * @param code where the VAE places it; null likewise
   * @param file the image file asked about; null for a drawing
   * @param inverted true when the file's light and dark were swapped to match the data's background
   */
  public record Answer(
      float[] drawing,
      float[] probabilities,
      float[] reconstruction,
      float[] code,
      Path file,
      boolean inverted) {}

  /** How far (in [0, 1]) an image's background may be from the data's before it is inverted. */
  private static final double INVERT_GAP = 0.5;

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
        () -> answerOf(c, g, copy, null, false),
        a -> {
          status.set("");
          answer.set(a);
        },
        t -> status.set("The drawing pad failed: " + t.getMessage()));
  }

  /**
   * Ask the classifier about one image file: read at the data's shape, in the background; the answer
   * comes as a drawing's does. A file that is no image, or asking before both sides have finished, gets
   * one sentence in {@link #statusProperty()}; the last answer stays.
   */
  public void ask(Path file) {
    if (!findings.readyProperty().get()) {
      status.set(
          "Train both sides first: the classifier answers about "
              + file.getFileName()
              + " once it and the generator have finished.");
      return;
    }
    ImageClassifier c = findings.classifier();
    ImageGenerator g = findings.generatorModel();
    ImageDataset data = findings.trainingImages();
    status.set("Reading " + file.getFileName() + "…");
    modelWork.run(
        () -> {
          float[] row = ImageFiles.asRow(file, c.shape());
          boolean invert = needsInverting(row, data);
          if (invert) {
            for (int i = 0; i < row.length; i++) {
              row[i] = 1 - row[i];
            }
          }
          return answerOf(c, g, row, file, invert);
        },
        a -> {
          status.set("");
          answer.set(a);
        },
        t ->
            status.set(
                t instanceof DatasetException de
                    ? de.getMessage()
                    : "Asking about " + file.getFileName() + " failed: " + t.getMessage()));
  }

  /** True when the image's background is far from that of the data (light on dark, or dark on light). */
  static boolean needsInverting(float[] row, ImageDataset data) {
    if (data == null || data.isEmpty()) {
      return false;
    }
    ImageShape shape = data.shape();
    int n = Math.min(200, data.size());
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += ImageFiles.borderMean(data.image(i), shape);
    }
    return Math.abs(ImageFiles.borderMean(row, shape) - sum / n) > INVERT_GAP;
  }

  /** Both models' answer to one image in the data's shape. */
  private static Answer answerOf(
      ImageClassifier c, ImageGenerator g, float[] copy, Path file, boolean inverted) {
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
      return new Answer(
          copy, p, ae.reconstruct(labelled)[0], ae.encode(labelled)[0], file, inverted);
    }
    return new Answer(copy, p, null, null, file, inverted);
  }
}
