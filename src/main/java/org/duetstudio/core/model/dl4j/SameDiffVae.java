package org.duetstudio.core.model.dl4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A variational autoencoder (Kingma & Welling, 2014) as a SameDiff graph.
 *
 * <p>The encoder maps an image to a Gaussian in latent space (mean and log-variance); a point is drawn
 * from it (z = μ + σ·ε, with ε fed in from a seeded generator so runs repeat); the decoder maps z back to
 * pixel probabilities. Training minimises the negative ELBO = reconstruction error (Bernoulli
 * cross-entropy, summed over pixels) + KL divergence from the standard normal prior. New images are the
 * decoder's output for points drawn from that prior.
 */
public sealed class SameDiffVae extends GaussianLatentGenerator implements Autoencoder, Persistent
    permits SameDiffVae.Conditional {
  static final String INPUT = "input";
  static final String EPS = "eps";
  static final String Z_IN = "zIn";
  static final String MU = "mu";
  static final String DECODED = "decoded";
  static final String RECONSTRUCTED = "reconstructed";
  static final String LOSS = "loss";
  static final String Y = "y";
  static final String Y_IN = "yIn";
  static final String PRIOR_MEANS = "prior_means";
  static final String RECON = "reconstruction";
  static final String KL = "kl";
  private static final double LEAK = 0.2;

  private final SameDiffGraph graph = new SameDiffGraph();

  /**
   * The class-conditional VAE (after Sohn et al., 2015): encoder and decoder both receive the image's
   * class (the decoder at every layer), and the prior is a unit Gaussian around a learned point per class.
   * Latent points given to {@code decode} are offsets from the requested class's point, so a sample of a
   * class comes from that class's region of the latent space. (With one shared prior, the decoder kept
   * reading the class from the code and largely ignored the requested one.)
   */
  public static final class Conditional extends SameDiffVae implements ConditionalGenerator {
    public Conditional(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
      super(spec, shape, classNames);
    }
  }

  /** A VAE; class-conditional when the spec says so (then build {@link Conditional}). */
  public SameDiffVae(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    build();
    graph.initTraining(spec.learningRate());
  }

  private void build() {
    SameDiff sd = graph.sd();
    int d = shape.length();
    int hidden = spec.hiddenUnits();
    int latent = spec.latentDim();
    SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, d);
    SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, latent);
    SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, latent);
    SDVariable y = classInput(sd, Y);
    SDVariable yIn = classInput(sd, Y_IN);

    // encoder
    SDVariable h = sd.nn().leakyRelu(graph.dense("enc1", withClass(sd, x, y), d + classes, hidden), LEAK);
    h = sd.nn().leakyRelu(graph.dense("enc2", h, hidden, hidden / 2), LEAK);
    SDVariable mu = sd.identity(MU, graph.dense("mu", h, hidden / 2, latent));
    SDVariable logVar = graph.dense("logvar", h, hidden / 2, latent);
    SDVariable z = mu.add(sd.math().exp(logVar.mul(0.5)).mul(eps));

    // decoder: weights shared by the training, sampling and reconstruction paths
    int zWidth = latent + classes;
    SDVariable w1 = graph.weight("dec1_W", zWidth, hidden / 2, zWidth, hidden / 2);
    SDVariable b1 = graph.bias("dec1_b", hidden / 2);
    // a conditional decoder gets the class at every layer: read only at the input, it is ignored for a
    // long time, because the code (which the encoder made from the image) already says which class it is
    int h2 = hidden / 2 + classes;
    SDVariable w2 = graph.weight("dec2_W", h2, hidden, h2, hidden);
    SDVariable b2 = graph.bias("dec2_b", hidden);
    SDVariable w3 = graph.weight("dec3_W", hidden + classes, d, hidden + classes, d);
    SDVariable b3 = graph.bias("dec3_b", d);
    // a conditional VAE's prior is a unit Gaussian around a learned point per class (the mean of that
    // class's codes): the encoder is free to keep the class in the code, and samples drawn for a class
    // come from that class's region instead of from everywhere
    SDVariable priorMean = null;
    SDVariable zSample = zIn;
    if (classes > 0) {
      SDVariable means = sd.var(PRIOR_MEANS, Nd4j.randn(DataType.FLOAT, classes, latent).muli(2));
      priorMean = y.mmul(means);
      zSample = zIn.add(yIn.mmul(means));
    }
    SDVariable logits = decoder(z, y, w1, b1, w2, b2, w3, b3);
    sd.nn().sigmoid(DECODED, decoder(zSample, yIn, w1, b1, w2, b2, w3, b3));
    sd.nn().sigmoid(RECONSTRUCTED, decoder(mu, y, w1, b1, w2, b2, w3, b3));

    // negative ELBO, per image, averaged over the batch
    SDVariable bce = sd.nn().softplus(logits).sub(x.mul(logits)).sum(1);
    SDVariable recon = bce.mean().rename(RECON);
    SDVariable offset = priorMean == null ? mu : mu.sub(priorMean);
    SDVariable kl =
        logVar.add(1.0).sub(offset.mul(offset)).sub(sd.math().exp(logVar)).sum(1).mul(-0.5).mean().rename(KL);
    recon.add(LOSS, kl);
    sd.setLossVariables(LOSS);
  }

  private SDVariable decoder(
      SDVariable z,
      SDVariable y,
      SDVariable w1,
      SDVariable b1,
      SDVariable w2,
      SDVariable b2,
      SDVariable w3,
      SDVariable b3) {
    SameDiff sd = graph.sd();
    SDVariable h = sd.nn().leakyRelu(SameDiffGraph.dense(withClass(sd, z, y), w1, b1), LEAK);
    h = sd.nn().leakyRelu(SameDiffGraph.dense(withClass(sd, h, y), w2, b2), LEAK);
    return SameDiffGraph.dense(withClass(sd, h, y), w3, b3);
  }

  @Override
  public String name() {
    return (classes > 0 ? "Conditional VAE" : "VAE") + " (latent " + spec.latentDim() + ")";
  }

  @Override
  public float[][] decode(float[][] latent, float[][] classWeights) {
    checkWeights(latent, classWeights);
    int d = spec.latentDim();
    return graph.outputRows(
        latent.length,
        (from, to) -> {
          Map<String, INDArray> in = new HashMap<>();
          in.put(Z_IN, Batches.matrix(latent, from, to, d));
          if (classes > 0) {
            in.put(Y_IN, Batches.matrix(classWeights, from, to, classes));
          }
          return in;
        },
        DECODED);
  }

  @Override
  public float[][] encode(ImageDataset images) {
    return run(images, MU);
  }

  @Override
  public float[][] reconstruct(ImageDataset images) {
    return run(images, RECONSTRUCTED);
  }

  private float[][] run(ImageDataset images, String output) {
    return graph.outputRows(images.size(), (from, to) -> imageFeed(images, Batches.range(from, to)), output);
  }

  /** Images at {@code idx}, and their classes when conditional. */
  private Map<String, INDArray> imageFeed(ImageDataset images, int[] idx) {
    Map<String, INDArray> in = new HashMap<>();
    in.put(INPUT, Batches.features(images, idx));
    if (classes > 0) {
      in.put(Y, classRows(images, idx));
    }
    return in;
  }

  /** The negative ELBO and its parts on {@code images}, one draw of ε per image from {@code seed}. */
  @Override
  public Map<String, Double> evaluateLoss(ImageDataset images, long seed) {
    Random rng = new Random(seed);
    double recon = 0;
    double kl = 0;
    for (int from = 0; from < images.size(); from += SameDiffGraph.EVAL_BATCH) {
      int to = Math.min(images.size(), from + SameDiffGraph.EVAL_BATCH);
      Map<String, INDArray> ph = imageFeed(images, Batches.range(from, to));
      ph.put(EPS, Batches.gaussianMatrix(to - from, spec.latentDim(), rng));
      Map<String, Double> out = graph.scalars(ph, RECON, KL);
      recon += out.get(RECON) * (to - from);
      kl += out.get(KL) * (to - from);
    }
    int n = images.size();
    return Map.of(LOSS, (recon + kl) / n, RECON, recon / n, KL, kl / n);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    EpochNoise noises = new EpochNoise(spec.seed());
    return graph.trainer(
        train,
        spec.batchSize(),
        spec.seed(),
        (idx, epoch) -> {
          Map<String, INDArray> in = imageFeed(train, idx);
          in.put(EPS, Batches.gaussianMatrix(idx.length, spec.latentDim(), noises.of(epoch)));
          return in;
        },
        List.of(LOSS, RECON, KL));
  }

  /** The graph, for the benchmark's bare-loop comparison. */
  SameDiff sameDiff() {
    return graph.sd();
  }

  /** Frees the graph's native arrays; the model cannot be used after it. */
  @Override
  public void close() {
    graph.close();
  }


  @Override
  public ModelState state() {
    return graph.state();
  }

  @Override
  public void restore(ModelState state) {
    graph.loadFrom("", state);
  }

  @Override
  public ModelState checkpoint() {
    return graph.checkpoint();
  }

  @Override
  public void resume(ModelState checkpoint) {
    graph.loadTrainingFrom("", checkpoint);
  }
}
