package org.duetstudio.core.model.dl4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.model.FlowMatching;
import org.duetstudio.core.model.ModelState;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A small fully connected denoiser of latent codes, trained by flow matching like {@link
 * SameDiffDiffusion}'s network but on a code of a few numbers instead of an image: the diffusion half of
 * {@link SameDiffLatentDiffusion}. Inputs: the noisy code, the time's sinusoidal features and the class
 * ("no class" as its last column); output: the velocity.
 */
final class LatentDenoiser {
  private static final String ZT = "zt";
  private static final String TARGET = "target";
  private static final String VELOCITY = "velocity";
  private static final String LOSS = "loss";

  private final SameDiffGraph graph = new SameDiffGraph();
  private final int latent;
  private final int classes;

  LatentDenoiser(int latent, int classes, int hidden, double learningRate) {
    this.latent = latent;
    this.classes = classes;
    SameDiff sd = graph.sd();
    SDVariable zt = sd.placeHolder(ZT, DataType.FLOAT, -1, latent);
    SDVariable time = sd.placeHolder(SameDiffDiffusion.TIME, DataType.FLOAT, -1, SameDiffDiffusion.TIME_FEATURES);
    SDVariable cls = sd.placeHolder(SameDiffDiffusion.CLASS, DataType.FLOAT, -1, classes + 1);
    SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, latent);
    SDVariable in = sd.concat(1, zt, time, cls);
    int width = latent + SameDiffDiffusion.TIME_FEATURES + classes + 1;
    SDVariable h = sd.nn().relu(graph.dense("l1", in, width, hidden), 0);
    // the class and time again at every layer, as in the VAE's conditional decoder
    SDVariable tc = sd.concat(1, time, cls);
    int side = SameDiffDiffusion.TIME_FEATURES + classes + 1;
    h = sd.nn().relu(graph.dense("l2", sd.concat(1, h, tc), hidden + side, hidden), 0);
    h = sd.nn().relu(graph.dense("l3", sd.concat(1, h, tc), hidden + side, hidden), 0);
    SDVariable v = graph.dense("out", h, hidden, latent);
    sd.identity(VELOCITY, v);
    SDVariable err = v.sub(target);
    sd.mean(LOSS, err.mul(err));
    sd.setLossVariables(LOSS);
    graph.initTraining(learningRate);
  }

  /**
   * One training step on {@code codes} with their {@code labels}: each at a random time on its line to
   * noise, its class dropped for some of them.
   */
  double step(float[][] codes, int[] labels, Random rng) {
    Map<String, INDArray> in = feed(codes, labels, rng, true);
    return graph.step(in, List.of(LOSS), null).get(LOSS);
  }

  /** The flow-matching loss on {@code codes} (times and noise from {@code rng}; no class dropped). */
  double loss(float[][] codes, int[] labels, Random rng) {
    Map<String, INDArray> in = feed(codes, labels, rng, false);
    return graph.scalars(in, LOSS).get(LOSS);
  }

  private Map<String, INDArray> feed(float[][] codes, int[] labels, Random rng, boolean drop) {
    int n = codes.length;
    float[][] zt = new float[n][latent];
    float[][] target = new float[n][latent];
    float[][] cls = new float[n][classes + 1];
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      float ti = rng.nextFloat();
      t[i] = ti;
      for (int j = 0; j < latent; j++) {
        float eps = (float) rng.nextGaussian();
        zt[i][j] = FlowMatching.point(codes[i][j], eps, ti);
        target[i][j] = FlowMatching.velocity(codes[i][j], eps);
      }
      boolean none =
          classes == 0 || (drop && rng.nextInt(100) < SameDiffDiffusion.DROP_CLASS_PERCENT);
      cls[i][none ? classes : labels[i]] = 1;
    }
    Map<String, INDArray> in = new HashMap<>();
    in.put(ZT, Batches.matrix(zt, 0, n, latent));
    in.put(TARGET, Batches.matrix(target, 0, n, latent));
    in.put(SameDiffDiffusion.TIME, SameDiffDiffusion.timeFeatures(t));
    in.put(SameDiffDiffusion.CLASS, Batches.matrix(cls, 0, n, classes + 1));
    return in;
  }

  /** The velocity at codes {@code z} and time {@code t}, class rows {@code cls} (k + 1 wide). */
  float[][] velocity(float[][] z, double t, float[][] cls) {
    int n = z.length;
    float[] times = new float[n];
    Arrays.fill(times, (float) t);
    Map<String, INDArray> in = new HashMap<>();
    in.put(ZT, Batches.matrix(z, 0, n, latent));
    in.put(SameDiffDiffusion.TIME, SameDiffDiffusion.timeFeatures(times));
    in.put(SameDiffDiffusion.CLASS, Batches.matrix(cls, 0, n, classes + 1));
    return graph.rows(in, VELOCITY);
  }

  void saveTo(String prefix, Map<String, double[]> out, boolean training) {
    if (training) {
      graph.saveTrainingTo(prefix, out);
    } else {
      graph.saveTo(prefix, out);
    }
  }

  void loadFrom(String prefix, ModelState state) {
    graph.loadTrainingFrom(prefix, state);
  }

  void close() {
    graph.close();
  }
}
