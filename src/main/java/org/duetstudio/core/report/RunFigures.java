package org.duetstudio.core.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.store.ImageGrids;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;

/**
 * The pictures of a pair's run, drawn once: the report embeds them and the run folder writes them as PNG
 * files of the same names.
 */
public final class RunFigures {
  /** Test images shown with the classifier's answers. */
  public static final int PREDICTIONS = 64;

  private RunFigures() {}

  /**
   * One figure.
   *
   * @param file its file name in a run folder
   * @param caption what it shows, one sentence
   */
  public record Figure(String file, String caption, byte[] png) {}

  /** Every figure the pair has, in report order. */
  public static List<Figure> of(RunPair pair) {
    List<Figure> out = new ArrayList<>();
    ImageDataset test = pair.data().test();
    if (pair.classifier() != null && pair.classifier().lastPredictions() != null) {
      Predictions p = pair.classifier().lastPredictions();
      int n = Math.min(PREDICTIONS, Math.min(test.size(), p.size()));
      List<float[]> imgs = new ArrayList<>();
      List<ImageGrids.Caption> caps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        imgs.add(test.image(i));
        caps.add(ImageGrids.Caption.judged(label(p.classNames().get(p.predicted(i)), p.confidence(i)), p.correct(i)));
      }
      out.add(figure("predictions.png", "Test images with the classifier's label and confidence (green right, red wrong)", imgs, test.shape(), 8, caps));
    }
    if (pair.generator() != null) {
      TrainingEvent.SamplesReady s = pair.generator().lastSamples();
      if (s != null) {
        out.add(figure("samples.png", "The generator's samples after epoch " + s.epoch(), s.images(), s.shape(), s.columns(), null));
      }
      GeneratorSnapshot snap = pair.generator().lastSnapshot();
      if (snap != null && !snap.originals().isEmpty()) {
        List<float[]> imgs = new ArrayList<>(snap.originals());
        imgs.addAll(snap.reconstructions());
        out.add(figure("reconstructions.png", "Test images (first row) and the VAE's reconstructions (second row)", imgs, snap.shape(), snap.originals().size(), null));
      }
    }
    JudgeFindings f = pair.findings();
    if (f != null && pair.generator() != null) {
      ImageShape shape = pair.generator().model().shape();
      if (!f.memorisationPairs().isEmpty() && f.judgement() != null && f.judgement().memorisation() != null) {
        double[] d = f.judgement().memorisation().samples().distances();
        List<ImageGrids.Caption> caps = new ArrayList<>();
        for (int i = 0; i < f.memorisationPairs().size() / 2; i++) {
          caps.add(new ImageGrids.Caption("sample", null));
          caps.add(new ImageGrids.Caption(String.format(Locale.ROOT, "nearest %.2f", d[i]), null));
        }
        out.add(figure("memorisation.png", "Samples beside their nearest training images", f.memorisationPairs(), shape, 8, caps));
      }
      if (f.decisionMap() != null) {
        out.add(labelled("decision-map.png", f.decisionMap(), shape, f.settings().mapSide()));
      }
      if (f.interpolation() != null) {
        out.add(labelled("interpolation.png", f.interpolation(), shape, f.settings().pathSteps()));
      }
      if (f.denoising() != null) {
        out.add(labelled("denoising.png", f.denoising(), shape, f.denoising().size()));
      }
    }
    return out;
  }

  private static Figure labelled(String file, LatentPaths.Labelled l, ImageShape shape, int columns) {
    int[] p = l.predicted();
    float[] conf = l.confidence();
    List<ImageGrids.Caption> caps = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      caps.add(new ImageGrids.Caption(label(l.classNames().get(p[i]), conf[i]), null));
    }
    return figure(file, "Labelled by the classifier: " + l.how(), l.images(), shape, columns, caps);
  }

  /** "Sneaker 93%": a class and a confidence, as every picture captions them. */
  public static String label(String className, double confidence) {
    return String.format(Locale.ROOT, "%s %.0f%%", className, 100 * confidence);
  }

  private static Figure figure(
      String file, String caption, List<float[]> images, ImageShape shape, int columns, List<ImageGrids.Caption> caps) {
    return new Figure(file, caption, png(ImageGrids.render(images, shape, columns, caps)));
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
