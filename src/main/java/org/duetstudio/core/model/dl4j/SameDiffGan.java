package org.duetstudio.core.model.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BatchTrainer;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A generative adversarial network (Goodfellow et al., 2014). The generator maps noise z to an image;
 * the discriminator scores images as real or generated. They train in turns: the discriminator on a batch
 * of real images (target 0.9, one-sided label smoothing) and generated ones (target 0), then the generator
 * to make the discriminator call its images real (the non-saturating loss). Nothing is ever compared
 * pixel by pixel: the generator learns only through the discriminator's eyes.
 *
 * <p>Two architectures ({@link GanNets}): fully connected layers, or the DCGAN's strided convolutions
 * (Radford et al., 2016). A class-conditional GAN gives the generator the class beside the noise, and
 * gives the discriminator the class through a projection (Miyato &amp; Koyama, 2018): its score gains the
 * inner product of a learned class embedding with the image's features, so "real" means "a real image
 * <em>of this class</em>".
 *
 * <p>Two SameDiff graphs, because one gradient function differentiates the sum of its losses: the
 * discriminator's graph, and generator → discriminator, whose discriminator copy receives the trained
 * weights before every generator step and is itself never updated. Images are scaled to [−1, 1] inside
 * (tanh output); callers see [0, 1]. Adam with β1 = 0.5, as DCGAN recommends.
 */
public sealed class SameDiffGan extends GaussianLatentGenerator implements Persistent
    permits SameDiffGan.Conditional {
  static final String REAL = "real";
  static final String REAL_Y = "realY";
  static final String FAKE_IN = "fakeIn";
  static final String FAKE_Y = "fakeY";
  static final String Z = "z";
  static final String Y = "y";
  static final String FAKE = "fake";
  static final String D_LOSS = "discriminator";
  static final String G_LOSS = "generator";
  static final String D_REAL = "d_real";
  static final String D_FAKE = "d_fake";
  static final double LEAK = 0.2;
  private static final double REAL_TARGET = 0.9;

  /** The conditional GAN: ask it for images of a class. */
  public static final class Conditional extends SameDiffGan implements ConditionalGenerator {
    public Conditional(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
      super(spec, shape, classNames);
    }
  }

  private final GanNets nets;
  private final SameDiffGraph disc = new SameDiffGraph();
  private final SameDiffGraph gen = new SameDiffGraph(disc);
  private final List<String> generatorVars = new ArrayList<>();
  private final List<String> discriminatorVars = new ArrayList<>();

  /** A GAN of the spec's kind (GAN or DCGAN); class-conditional when the spec says so. */
  public SameDiffGan(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    nets =
        spec.kind() == GeneratorKind.DCGAN
            ? new GanNets.Convolutional(shape, spec.hiddenUnits())
            : new GanNets.Dense(shape, spec.hiddenUnits());
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    buildDiscriminator();
    buildGenerator();
    Adam adam = Adam.builder().learningRate(spec.learningRate()).beta1(0.5).beta2(0.999).build();
    disc.initTraining(adam);
    gen.initTraining(adam);
    for (String v : disc.trainableNames()) {
      discriminatorVars.add(v);
    }
    for (String v : gen.trainableNames()) {
      if (v.startsWith(GanNets.G_PREFIX)) {
        generatorVars.add(v);
      }
    }
    copyDiscriminator();
  }

  /**
   * The discriminator's logit: a linear read-out of its features and, when conditional, the projection
   * of the class embedding onto them.
   */
  private SDVariable discriminator(SameDiffGraph g, SDVariable x, SDVariable y, boolean create) {
    SameDiff sd = g.sd();
    GanNets.Features f = nets.discriminatorFeatures(g, x, create);
    SDVariable w =
        create ? g.weight("d_out_W", f.width(), 1, f.width(), 1) : sd.getVariable("d_out_W");
    SDVariable b = create ? g.bias("d_out_b", 1) : sd.getVariable("d_out_b");
    SDVariable logit = SameDiffGraph.dense(f.features(), w, b);
    if (y != null) {
      SDVariable embed =
          create
              ? g.weight("d_embed", classes, f.width(), classes, f.width())
              : sd.getVariable("d_embed");
      logit = logit.add(y.mmul(embed).mul(f.features()).sum(true, 1));
    }
    return logit;
  }

  private void buildDiscriminator() {
    SameDiff sd = disc.sd();
    SDVariable real = sd.placeHolder(REAL, DataType.FLOAT, -1, shape.length());
    SDVariable fake = sd.placeHolder(FAKE_IN, DataType.FLOAT, -1, shape.length());
    SDVariable realY = classInput(sd, REAL_Y);
    SDVariable y = realY == null ? null : sd.concat(0, realY, classInput(sd, FAKE_Y));
    // real and generated images through the discriminator as one batch, real first (the step and the
    // held-out loss feed as many of each): half the ops, and the same function, since nothing in it mixes
    // one image with another. Rank 3, [half, image, 1], because ND4J 1.0.0-M2.1 fails on a reduction
    // whose input is a vector it leaves unchanged (one image of each).
    SDVariable logits = discriminator(disc, sd.concat(0, real, fake), y, true).reshape(2, -1, 1);
    // binary cross-entropy with logits, softplus(l) - t*l, averaged over each half: targets 0.9 (real,
    // one-sided label smoothing) and 0 (generated)
    SDVariable target = sd.constant(Nd4j.createFromArray(new float[][][] {{{(float) REAL_TARGET}}, {{0f}}}));
    sd.nn().softplus(logits).sub(logits.mul(target)).mean(1).sum().rename(D_LOSS);
    SDVariable scores = sd.nn().sigmoid(logits).mean(1);
    scores.get(SDIndex.point(0)).rename(D_REAL);
    scores.get(SDIndex.point(1)).rename(D_FAKE);
    sd.setLossVariables(D_LOSS);
  }

  private void buildGenerator() {
    SameDiff sd = gen.sd();
    SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, spec.latentDim());
    SDVariable y = classInput(sd, Y);
    SDVariable out = nets.generator(gen, withClass(sd, z, y), spec.latentDim() + classes);
    SDVariable fake = sd.math().tanh(out).rename(FAKE);
    SDVariable logit = discriminator(gen, fake, y, true);
    sd.nn().softplus(logit.neg()).mean().rename(G_LOSS); // non-saturating: -log D(G(z))
    sd.setLossVariables(G_LOSS);
  }

  /** The discriminator's graph, for tests. */
  SameDiffGraph discriminatorGraph() {
    return disc;
  }

  /** The generator graph's discriminator copy takes the trained weights. */
  private void copyDiscriminator() {
    gen.copyVariables(disc, discriminatorVars);
  }

  @Override
  public String name() {
    String kind = spec.kind() == GeneratorKind.DCGAN ? "DCGAN" : "GAN";
    return (classes > 0 ? "Conditional " + kind : kind) + " (noise " + spec.latentDim() + ")";
  }

  @Override
  public float[][] decode(float[][] latent, float[][] classWeights) {
    checkWeights(latent, classWeights);
    int d = spec.latentDim();
    float[][] out =
        gen.outputRows(
            latent.length,
            (from, to) -> {
              Map<String, INDArray> in = new HashMap<>();
              in.put(Z, Batches.matrix(latent, from, to, d));
              if (classes > 0) {
                in.put(Y, Batches.matrix(classWeights, from, to, classes));
              }
              return in;
            },
            FAKE);
    for (float[] row : out) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (row[j] + 1) / 2;
      }
    }
    return out;
  }

  /**
   * On held-out images: the discriminator's loss and mean scores on them and on as many generated
   * images, and the generator's loss. ("loss" is the generator's.)
   */
  @Override
  public Map<String, Double> evaluateLoss(ImageDataset images, long seed) {
    int n = Math.min(images.size(), 500);
    Random rng = new Random(seed);
    int[] idx = Batches.range(0, n);
    Map<String, INDArray> g = new HashMap<>();
    g.put(Z, Batches.gaussianMatrix(n, spec.latentDim(), rng));
    Map<String, INDArray> d = new HashMap<>();
    d.put(REAL, scaled(images, idx));
    if (classes > 0) { // generated images asked to be of the held-out images' classes
      g.put(Y, classRows(images, idx));
      d.put(REAL_Y, classRows(images, idx));
      d.put(FAKE_Y, classRows(images, idx));
    }
    // both graphs share one guard: this is one use of the model
    return gen.use(
        () -> {
          Map<String, INDArray> fakeAndLoss = gen.sd().output(g, FAKE, G_LOSS);
          d.put(FAKE_IN, fakeAndLoss.get(FAKE));
          double gl = fakeAndLoss.get(G_LOSS).getDouble(0);
          Map<String, Double> m = new HashMap<>(disc.scalars(d, D_LOSS, D_REAL, D_FAKE));
          m.put("loss", gl);
          m.put(G_LOSS, gl);
          return m;
        });
  }

  private static INDArray scaled(ImageDataset images, int[] idx) {
    return Batches.features(images, idx).muli(2).subi(1);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    int latent = spec.latentDim();
    return new BatchTrainer(train.size(), spec.batchSize(), spec.seed()) {
      private final EpochNoise noises = new EpochNoise(spec.seed());

      @Override
      protected Step step(int[] batch) {
        return gen.use(() -> stepOn(batch)); // one use of both graphs: a close waits for the whole step
      }

      private Step stepOn(int[] batch) {
        int n = batch.length;
        Random noise = noises.of(currentEpoch());
        // generated images are asked to be of the real batch's classes (the same class mix)
        Map<String, INDArray> g1 = new HashMap<>();
        g1.put(Z, Batches.gaussianMatrix(n, latent, noise));
        Map<String, INDArray> d = new HashMap<>();
        d.put(REAL, scaled(train, batch));
        if (classes > 0) {
          g1.put(Y, classRows(train, batch));
          d.put(REAL_Y, classRows(train, batch));
          d.put(FAKE_Y, classRows(train, batch));
        }
        d.put(FAKE_IN, gen.output(g1, FAKE));
        g1.values().forEach(INDArray::close);
        Map<String, Double> dl = disc.step(d, List.of(D_LOSS, D_REAL, D_FAKE), discriminatorVars);
        copyDiscriminator();
        Map<String, INDArray> g2 = new HashMap<>();
        g2.put(Z, Batches.gaussianMatrix(n, latent, noise));
        if (classes > 0) {
          g2.put(Y, classRows(train, batch));
        }
        Map<String, Double> gl = gen.step(g2, List.of(G_LOSS), generatorVars);
        Map<String, Double> losses = new HashMap<>(dl);
        losses.putAll(gl);
        losses.put(Step.LOSS, gl.get(G_LOSS));
        return new Step(n, losses);
      }
    };
  }

  /** Frees both graphs' native arrays; the model cannot be used after it. */
  @Override
  public void close() {
    disc.close(); // and gen, which shares its guard
  }

  @Override
  public ModelState state() {
    Map<String, double[]> arrays = new HashMap<>();
    disc.saveTo("discriminator/", arrays);
    gen.saveTo("generator/", arrays);
    return new ModelState(arrays, Map.of());
  }

  @Override
  public void restore(ModelState state) {
    disc.loadFrom("discriminator/", state);
    gen.loadFrom("generator/", state);
  }

  @Override
  public ModelState checkpoint() {
    Map<String, double[]> arrays = new HashMap<>();
    disc.saveTrainingTo("discriminator/", arrays);
    gen.saveTrainingTo("generator/", arrays);
    return new ModelState(arrays, Map.of());
  }

  @Override
  public void resume(ModelState checkpoint) {
    disc.loadTrainingFrom("discriminator/", checkpoint);
    gen.loadTrainingFrom("generator/", checkpoint);
  }
}
