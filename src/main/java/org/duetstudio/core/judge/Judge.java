package org.duetstudio.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.eval.NearestNeighbours;
import org.duetstudio.core.eval.SampleDiversity;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.training.Fit;

/**
 * Judges a trained generator through a trained classifier, with one {@link JudgeSettings}. Each measure is
 * a method of its own (the window runs them one at a time, in the background); {@link #all} runs every
 * one in order. Models are not thread-safe: call from one thread at a time.
 */
public final class Judge {
  /** Frames of a denoising path through the classifier's eyes, about. */
  static final int PATH_FRAMES = 10;

  private final JudgeSettings settings;

  public Judge(JudgeSettings settings) {
    this.settings = settings;
  }

  public JudgeSettings settings() {
    return settings;
  }

  /** Whether {@code c} can judge {@code g}: the same image shape and, for a conditional one, classes. */
  public static boolean compatible(ImageClassifier c, ImageGenerator g) {
    return c != null
        && g != null
        && c.shape().equals(g.shape())
        && (!(g instanceof ConditionalGenerator cg) || cg.classNames().equals(c.classNames()));
  }

  /** The verdict, the Fréchet distance and the memorisation check, with the images of its pairs. */
  public JudgeFindings verdict(ImageClassifier c, ImageGenerator g, TrainTestData data) {
    List<float[]> samples = Arrays.asList(g.sample(settings.samples(), settings.seed()));
    Judgement j =
        Judgement.of(c, g, samples, data.test().head(settings.realImages()), data.train());
    return JudgeFindings.none(settings).withJudgement(j, pairs(samples, data.train(), j));
  }

  private List<float[]> pairs(List<float[]> samples, ImageDataset train, Judgement j) {
    List<float[]> pairs = new ArrayList<>();
    if (j.memorisation() == null) {
      return pairs;
    }
    NearestNeighbours nn = j.memorisation().samples();
    int[] idx = nn.indices();
    for (int i = 0; i < Math.min(settings.memorisationPairs(), idx.length); i++) {
      pairs.add(samples.get(i));
      pairs.add(train.image(idx[i]));
    }
    return pairs;
  }

  /** How often {@code c} labels {@code g}'s images as asked; null for an unconditional generator. */
  public LabelFidelity fidelity(ImageClassifier c, ImageGenerator g) {
    return g instanceof ConditionalGenerator cg
        ? LabelFidelity.measure(cg, c, settings.fidelityPerClass(), settings.seed())
        : null;
  }

  /**
   * The classification accuracy score: a fresh classifier of {@code spec} trained on generated images and
   * on as many real ones; null for an unconditional generator.
   */
  public ClassificationAccuracyScore cas(
      ImageGenerator g, ClassifierSpec spec, TrainTestData data, Fit.Monitor monitor) {
    if (!(g instanceof ConditionalGenerator cg)) {
      return null;
    }
    return ClassificationAccuracyScore.measure(
        cg,
        spec,
        data.train(),
        data.test(),
        settings.casImagesFor(data.train().size()),
        settings.seed(),
        monitor);
  }

  /** The latent plane decoded and labelled; null for a latent space under 2 dimensions. */
  public LatentPaths.Labelled decisionMap(ImageClassifier c, ImageGenerator g) {
    if (!g.hasLatentPlane()) {
      return null;
    }
    return LatentPaths.decisionMap(c, g, settings.mapSide(), settings.mapExtent(), settings.mapClass());
  }

  /** From the settings' first class to their last, through the latent space. */
  public LatentPaths.Labelled interpolation(ImageClassifier c, ImageGenerator g, ImageDataset test) {
    return LatentPaths.interpolate(
        c, g, settings.pathFrom(), settings.pathTo(), settings.pathSteps(), test, settings.seed());
  }

  /** k-means on the test images' pixels, one cluster per class. */
  public Clusters pixelClusters(ImageDataset test) {
    ImageDataset t = test.head(settings.clusterImages());
    float[][] px = new float[t.size()][];
    for (int i = 0; i < t.size(); i++) {
      px[i] = t.image(i);
    }
    return Clusters.of(px, t.labels(), t.classNames(), t.numClasses(), settings.seed(), "raw pixels");
  }

  /** k-means on a VAE's latent codes of the same test images; null for a generator without an encoder. */
  public Clusters codeClusters(ImageGenerator g, ImageDataset test) {
    if (!(g instanceof Autoencoder ae)) {
      return null;
    }
    ImageDataset t = test.head(settings.clusterImages());
    return Clusters.of(
        ae.encode(t),
        t.labels(),
        t.classNames(),
        t.numClasses(),
        settings.seed(),
        "the VAE's latent codes (" + g.latentDim() + " dimensions)");
  }

  /**
   * For a class-conditional diffusion model: at each of the settings' guidance values, the same noise
   * drawn as {@code guidancePerClass} images of every class, and the classifier's label fidelity and the
   * images' variety (within a class, as a share of real images' of that class); null for other
   * generators. The trade-off image generators make — more guidance, more typical and less varied —
   * measured by the classifier.
   */
  public List<GuidancePoint> guidance(ImageClassifier c, ImageGenerator g, ImageDataset real) {
    if (!(g instanceof Denoiser d) || !(g instanceof ConditionalGenerator cg)) {
      return null;
    }
    int k = cg.classNames().size();
    int per = settings.guidancePerClass();
    int[] labels = new int[k * per];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % k;
    }
    float[][] noise = d.samplePrior(labels.length, settings.seed());
    float[][] weights = ConditionalGenerator.oneHot(labels, k);
    double[] realVariety = new double[k];
    for (int cls = 0; cls < k; cls++) {
      realVariety[cls] = SampleDiversity.measure(ofClass(real, cls, 200));
    }
    List<GuidancePoint> points = new ArrayList<>();
    for (double w : settings.guidances()) {
      float[][] images = d.toImages(d.path(noise, weights, w, d.defaultSteps(), 0).getLast());
      float[][] p =
          c.predictProbabilities(new ImageDataset("generated", g.shape(), images, labels, c.classNames()));
      int right = 0;
      for (int i = 0; i < p.length; i++) {
        right += LabelFidelity.argmax(p[i]) == labels[i] ? 1 : 0;
      }
      double variety = 0;
      for (int cls = 0; cls < k; cls++) {
        List<float[]> mine = new ArrayList<>();
        for (int i = cls; i < images.length; i += k) {
          mine.add(images[i]);
        }
        variety += SampleDiversity.measure(mine) / realVariety[cls] / k;
      }
      points.add(new GuidancePoint(w, right / (double) labels.length, variety));
    }
    return points;
  }

  /**
   * One sample's walk from noise to picture through the classifier's eyes: the image after every few of
   * the model's default steps (about {@value #PATH_FRAMES}, the noise first), each with the classifier's
   * label and confidence; a conditional model draws the settings' map class. Null for a generator that
   * does not draw by denoising.
   */
  public LatentPaths.Labelled denoisingPath(ImageClassifier c, ImageGenerator g) {
    if (!(g instanceof Denoiser d)) {
      return null;
    }
    float[][] weights = null;
    String asked = "";
    if (g instanceof ConditionalGenerator cg) {
      weights = ConditionalGenerator.oneHot(new int[] {settings.mapClass()}, cg.classNames().size());
      asked = ", asked for " + cg.classNames().get(settings.mapClass());
    }
    int steps = d.defaultSteps();
    int every = Math.max(1, (steps + PATH_FRAMES - 1) / PATH_FRAMES);
    List<float[][]> states = d.path(d.samplePrior(1, settings.seed()), weights, d.defaultGuidance(), steps, every);
    float[][] images = new float[states.size()][];
    for (int k = 0; k < images.length; k++) {
      images[k] = d.toImages(states.get(k))[0];
    }
    float[][] p =
        c.predictProbabilities(new ImageDataset("denoising", g.shape(), images, new int[images.length], c.classNames()));
    int[] predicted = new int[p.length];
    float[] confidence = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      predicted[i] = LabelFidelity.argmax(p[i]);
      confidence[i] = p[i][predicted[i]];
    }
    return new LatentPaths.Labelled(
        Arrays.asList(images),
        predicted,
        confidence,
        c.classNames(),
        "one sample from noise (first) to picture (last), every " + every + " of " + steps + " steps" + asked);
  }

  private static List<float[]> ofClass(ImageDataset data, int cls, int max) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < data.size() && out.size() < max; i++) {
      if (data.label(i) == cls) {
        out.add(data.image(i));
      }
    }
    return out;
  }

  /**
   * Every measure: with a classifier ({@code c} non-null) the verdict, fidelity, CAS (when {@code
   * withCas}), map and path; always the clusters.
   */
  public JudgeFindings all(
      ImageClassifier c,
      ClassifierSpec spec,
      ImageGenerator g,
      TrainTestData data,
      boolean withCas,
      Fit.Monitor monitor) {
    JudgeFindings f = JudgeFindings.none(settings);
    if (compatible(c, g)) {
      f = verdict(c, g, data);
      f = f.withFidelity(fidelity(c, g));
      if (withCas) {
        f = f.withCas(cas(g, spec, data, monitor));
      }
      f = f.withDecisionMap(decisionMap(c, g)).withInterpolation(interpolation(c, g, data.test()));
      f = f.withGuidance(guidance(c, g, data.train())).withDenoising(denoisingPath(c, g));
    }
    return f.withClusters(pixelClusters(data.test()), codeClusters(g, data.test()));
  }
}
