package org.duetstudio.core.model.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BatchTrainer;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A generative adversarial network (Goodfellow et al., 2014) of fully connected layers. The generator
 * maps noise z to an image; the discriminator scores images as real or generated. They train in turns:
 * the discriminator on a batch of real images (target 0.9, one-sided label smoothing) and generated ones
 * (target 0), then the generator to make the discriminator call its images real (the non-saturating loss).
 * Nothing is ever compared pixel by pixel: the generator learns only through the discriminator's eyes.
 *
 * <p>Two SameDiff graphs, because one gradient function differentiates the sum of its losses: the
 * discriminator's graph, and generator → discriminator, whose discriminator copy receives the trained
 * weights before every generator step and is itself never updated. Images are scaled to [−1, 1] inside
 * (tanh output); callers see [0, 1]. Adam with β1 = 0.5, as DCGAN recommends.
 */
public final class SameDiffGan extends GaussianLatentGenerator {
  static final String REAL = "real";
  static final String FAKE_IN = "fakeIn";
  static final String Z = "z";
  static final String FAKE = "fake";
  static final String D_LOSS = "discriminator";
  static final String G_LOSS = "generator";
  static final String D_REAL = "d_real";
  static final String D_FAKE = "d_fake";
  private static final double LEAK = 0.2;
  private static final double REAL_TARGET = 0.9;
  private static final String[] D_LAYERS = {"d1", "d2", "d3"};

  private final SameDiffGraph disc = new SameDiffGraph();
  private final SameDiffGraph gen = new SameDiffGraph();
  private final List<String> generatorVars = new ArrayList<>();

  public SameDiffGan(GeneratorSpec spec, ImageShape shape) {
    super(spec, shape);
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    buildDiscriminator();
    buildGenerator();
    Adam adam = Adam.builder().learningRate(spec.learningRate()).beta1(0.5).beta2(0.999).build();
    disc.initTraining(adam);
    gen.initTraining(adam);
    copyDiscriminator();
  }

  private int[] widths() {
    int h = spec.hiddenUnits();
    return new int[] {shape.length(), h, h / 2};
  }

  /** D: image → h → h/2 → logit, LeakyReLU; applied with shared weights to real and generated images. */
  private SDVariable discriminator(SameDiffGraph g, SDVariable x, boolean create) {
    SameDiff sd = g.sd();
    int[] w = widths();
    SDVariable h = x;
    long[] dims = {w[0], w[1], w[2], 1};
    for (int l = 0; l < 3; l++) {
      String name = D_LAYERS[l];
      SDVariable weight =
          create ? g.weight(name + "_W", dims[l], dims[l + 1], dims[l], dims[l + 1]) : sd.getVariable(name + "_W");
      SDVariable bias = create ? g.bias(name + "_b", dims[l + 1]) : sd.getVariable(name + "_b");
      h = SameDiffGraph.dense(h, weight, bias);
      if (l < 2) {
        h = sd.nn().leakyRelu(h, LEAK);
      }
    }
    return h;
  }

  private void buildDiscriminator() {
    SameDiff sd = disc.sd();
    SDVariable real = sd.placeHolder(REAL, DataType.FLOAT, -1, shape.length());
    SDVariable fake = sd.placeHolder(FAKE_IN, DataType.FLOAT, -1, shape.length());
    SDVariable lr = discriminator(disc, real, true);
    SDVariable lf = discriminator(disc, fake, false);
    // binary cross-entropy with logits: softplus(l) - t*l
    SDVariable lossReal = sd.nn().softplus(lr).sub(lr.mul(REAL_TARGET)).mean();
    SDVariable lossFake = sd.nn().softplus(lf).mean();
    lossReal.add(D_LOSS, lossFake);
    sd.nn().sigmoid(lr).mean().rename(D_REAL);
    sd.nn().sigmoid(lf).mean().rename(D_FAKE);
    sd.setLossVariables(D_LOSS);
  }

  private void buildGenerator() {
    SameDiff sd = gen.sd();
    int[] w = widths();
    SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, spec.latentDim());
    SDVariable h = sd.nn().leakyRelu(gen.dense("g1", z, spec.latentDim(), w[2]), LEAK);
    h = sd.nn().leakyRelu(gen.dense("g2", h, w[2], w[1]), LEAK);
    SDVariable fake = sd.math().tanh(gen.dense("g3", h, w[1], w[0])).rename(FAKE);
    for (String v : List.of("g1_W", "g1_b", "g2_W", "g2_b", "g3_W", "g3_b")) {
      generatorVars.add(v);
    }
    SDVariable logit = discriminator(gen, fake, true);
    sd.nn().softplus(logit.neg()).mean().rename(G_LOSS); // non-saturating: -log D(G(z))
    sd.setLossVariables(G_LOSS);
  }

  /** The generator graph's discriminator copy takes the trained weights. */
  private void copyDiscriminator() {
    for (String l : D_LAYERS) {
      for (String suffix : new String[] {"_W", "_b"}) {
        gen.sd().getArrForVarName(l + suffix).assign(disc.sd().getArrForVarName(l + suffix));
      }
    }
  }

  @Override
  public String name() {
    return "GAN (noise " + spec.latentDim() + ")";
  }




  @Override
  public float[][] decode(float[][] latent) {
    float[][] out = gen.outputRows(latent, spec.latentDim(), Z, FAKE);
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
    INDArray real = scaled(images, Batches.range(0, n));
    INDArray z = Batches.matrix(Batches.gaussian(n, spec.latentDim(), rng), 0, n, spec.latentDim());
    INDArray fake = gen.output(Map.of(Z, z), FAKE);
    Map<String, INDArray> d = disc.sd().output(Map.of(REAL, real, FAKE_IN, fake), D_LOSS, D_REAL, D_FAKE);
    double g = gen.output(Map.of(Z, z), G_LOSS).getDouble(0);
    Map<String, Double> m = new HashMap<>();
    m.put("loss", g);
    m.put(G_LOSS, g);
    m.put(D_LOSS, d.get(D_LOSS).getDouble(0));
    m.put(D_REAL, d.get(D_REAL).getDouble(0));
    m.put(D_FAKE, d.get(D_FAKE).getDouble(0));
    return m;
  }

  private static INDArray scaled(ImageDataset images, int[] idx) {
    return Batches.features(images, idx).muli(2).subi(1);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    Random noise = new Random(spec.seed() ^ 0x5DEECE66DL);
    int latent = spec.latentDim();
    return new BatchTrainer(train.size(), spec.batchSize(), spec.seed()) {
      @Override
      protected Step step(int[] batch) {
        int n = batch.length;
        INDArray z1 = Batches.matrix(Batches.gaussian(n, latent, noise), 0, n, latent);
        INDArray fake = gen.output(Map.of(Z, z1), FAKE);
        z1.close();
        Map<String, Double> d =
            disc.step(
                Map.of(REAL, scaled(train, batch), FAKE_IN, fake), List.of(D_LOSS, D_REAL, D_FAKE), null);
        copyDiscriminator();
        INDArray z2 = Batches.matrix(Batches.gaussian(n, latent, noise), 0, n, latent);
        Map<String, Double> g = gen.step(Map.of(Z, z2), List.of(G_LOSS), generatorVars);
        Map<String, Double> losses = new HashMap<>(d);
        losses.putAll(g);
        losses.put(Step.LOSS, g.get(G_LOSS));
        return new Step(n, losses);
      }
    };
  }

}
