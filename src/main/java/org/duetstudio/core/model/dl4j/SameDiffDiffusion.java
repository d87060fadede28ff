package org.duetstudio.core.model.dl4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BatchTrainer;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.model.FlowMatching;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diffusion model trained by flow matching (rectified flow; Liu et al., 2022; Lipman et al., 2022), as a
 * SameDiff graph.
 *
 * <p>Training mixes each image x (pixels scaled to [−1, 1]) with Gaussian noise ε at a random time t in
 * [0, 1]: x_t = (1 − t)·x + t·ε, a straight line from the image (t = 0) to pure noise (t = 1). The network
 * sees x_t, t and — for a class-conditional model — the image's class, and learns the velocity v = ε − x
 * along that line, by mean squared error. Drawing an image walks the line backwards: from noise at t = 1,
 * a fixed number of Euler steps x ← x − Δt·v(x, t) reach t = 0.
 *
 * <p>The class is dropped (replaced by a "no class" token) for {@value #DROP_CLASS_PERCENT}% of the
 * training images, so one model is both conditional and unconditional; sampling then uses
 * classifier-free guidance (Ho & Salimans, 2022): v = v_unconditional + w·(v_conditional −
 * v_unconditional). w = 0 ignores the class, w = 1 is the plain conditional model, w &gt; 1 pushes harder
 * towards what the model thinks the class looks like.
 *
 * <p>The denoiser is a small U-Net on the image folded 2×2 into channels ({@link #foldedUnet}): 3×3
 * convolutions at half and quarter resolution, nearest-neighbour upsampling with a skip connection, and
 * the time and class embedding added to every stage as a per-channel bias. Images whose sides divide by
 * 4. A model saved with the first design (which also convolved at full resolution) is restored in that
 * design.
 */
public sealed class SameDiffDiffusion implements Denoiser, Persistent permits SameDiffDiffusion.Conditional {
  static final String XT = "xt";
  static final String TIME = "time";
  static final String CLASS = "cls";
  static final String TARGET = "target";
  static final String VELOCITY = "velocity";
  static final String LOSS = "loss";
  static final String NOISY = "noisy";
  static final String CLEAN = "clean";
  static final String NOISY_MASK = "noisyMask";
  /** Marks a saved state as the folded U-Net's ({@link #foldedUnet}); states without it are older. */
  static final String FOLDED = "unet/folded";
  static final int DROP_CLASS_PERCENT = 10;
  static final int TIME_FEATURES = 16;
  private static final int EMBEDDING = 64;

  protected final GeneratorSpec spec;
  protected final ImageShape shape;
  protected final List<String> classNames;
  /** Classes the model is conditioned on; 0 when it is not conditional. */
  protected final int classes;
  /** Replaced only by {@link #fitTo}, while a saved model is restored and before anyone else uses it. */
  private SameDiffGraph graph = new SameDiffGraph();
  /** Whether the graph is the first design's denoiser ({@link #legacyUnet}), for a model saved with it. */
  private boolean legacy;

  /** The class-conditional diffusion model: asked for a class, guided towards it. */
  public static final class Conditional extends SameDiffDiffusion implements ConditionalGenerator {
    public Conditional(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
      super(spec, shape, classNames);
    }

    @Override
    public List<String> classNames() {
      return classNames;
    }

    @Override
    public float[][] decode(float[][] latent, float[][] classWeights) {
      return images(path(latent, classWeights, spec.guidance(), spec.samplingSteps(), 0).getLast());
    }

    /** One class per grid column, as every conditional generator's grid. */
    @Override
    public float[][] decode(float[][] latent) {
      return ConditionalGenerator.super.decode(latent);
    }
  }

  public SameDiffDiffusion(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    this.spec = spec;
    this.shape = shape;
    this.classNames = List.copyOf(classNames);
    this.classes = spec.conditional() ? classNames.size() : 0;
    if (spec.conditional() && classes < 2) {
      throw new IllegalArgumentException("a class-conditional model needs at least two classes");
    }
    if (shape.height() % 4 != 0 || shape.width() % 4 != 0 || shape.height() < 8 || shape.width() < 8) {
      throw new IllegalArgumentException(
          "the diffusion model needs images whose width and height divide by 4 (at least 8), got " + shape
              + "; load the images at a size such as 28x28 or 32x32");
    }
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    build();
    graph.initTraining(spec.learningRate());
  }

  /** The first design's model, as one saved before the folded U-Net would be restored (for the tests). */
  static SameDiffDiffusion firstDesign(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    SameDiffDiffusion m =
        spec.conditional() ? new Conditional(spec, shape, classNames) : new SameDiffDiffusion(spec, shape, classNames);
    m.fitTo(new ModelState(Map.of(), Map.of()));
    return m;
  }

  @Override
  public String name() {
    return (classes > 0 ? "Conditional diffusion" : "Diffusion")
        + String.format(
            Locale.ROOT,
            " (flow matching, %d steps%s)",
            spec.samplingSteps(),
            classes > 0 ? String.format(Locale.ROOT, ", guidance %.1f", spec.guidance()) : "");
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  /** The noise an image is drawn from has one value per pixel. */
  @Override
  public int latentDim() {
    return shape.length();
  }

  @Override
  public boolean hasLatentPlane() {
    return false;
  }

  @Override
  public float[][] samplePrior(int n, long seed) {
    return Batches.gaussian(n, shape.length(), new Random(seed));
  }

  /** Unconditional images (a conditional model's default cycles the classes, as its interface says). */
  @Override
  public float[][] decode(float[][] latent) {
    return images(path(latent, null, 0, spec.samplingSteps(), 0).getLast());
  }

  @Override
  public int defaultSteps() {
    return spec.samplingSteps();
  }

  @Override
  public double defaultGuidance() {
    return spec.guidance();
  }

  /**
   * The walk from noise to images: {@code steps} Euler steps from t = 1 to 0, guided by {@code guidance}
   * towards {@code classWeights} (null: unconditional). Returns the states at every {@code every}-th step
   * (0: only the last), each as pixel rows in the model's [−1, 1] scale, the starting noise first.
   */
  @Override
  public List<float[][]> path(
      float[][] noise, float[][] classWeights, double guidance, int steps, int every) {
    return FlowMatching.sample(
        noise, steps, every, (x, t) -> guidedVelocity(x, t, classWeights, guidance, classes, this::forward));
  }

  /** A network's velocity at rows {@code xs}, time {@code t}, class rows {@code cls} (k + 1 wide). */
  @FunctionalInterface
  interface Net {
    float[][] velocity(float[][] xs, double t, float[][] cls);
  }

  /**
   * The velocity of rows {@code from}–{@code to} of {@code x} at time {@code t}: unconditional without
   * class weights or at guidance 0, the conditional model's at guidance 1, else both in one batch and
   * v_u + w·(v_c − v_u). Shared by the pixel and the latent model.
   */
  static float[][] guidedVelocity(
      float[][] x, int from, int to, double t, float[][] classWeights, double guidance, int classes,
      Net net) {
    int m = to - from;
    boolean conditional = classes > 0 && classWeights != null && guidance != 0;
    boolean both = conditional && guidance != 1;
    int rows = both ? 2 * m : m;
    float[][] xs = new float[rows][];
    float[][] cls = new float[rows][classes + 1];
    for (int i = 0; i < rows; i++) {
      xs[i] = x[from + i % m];
      boolean withClass = conditional && (!both || i >= m);
      if (withClass) {
        System.arraycopy(classWeights[from + i % m], 0, cls[i], 0, classes);
      } else {
        cls[i][classes] = 1; // "no class"
      }
    }
    float[][] v = net.velocity(xs, t, cls);
    if (!both) {
      return v;
    }
    float[][] guided = new float[m][];
    for (int i = 0; i < m; i++) {
      guided[i] = FlowMatching.guided(v[i], v[m + i], guidance);
    }
    return guided;
  }

  /** {@link #guidedVelocity} over all rows, {@value SameDiffGraph#EVAL_BATCH} at a time. */
  static float[][] guidedVelocity(
      float[][] x, double t, float[][] classWeights, double guidance, int classes, Net net) {
    float[][] v = new float[x.length][];
    for (int from = 0; from < x.length; from += SameDiffGraph.EVAL_BATCH) {
      int to = Math.min(x.length, from + SameDiffGraph.EVAL_BATCH);
      float[][] part = guidedVelocity(x, from, to, t, classWeights, guidance, classes, net);
      System.arraycopy(part, 0, v, from, part.length);
    }
    return v;
  }

  /** The network's velocity for rows {@code xs} at time {@code t} with class rows {@code cls}. */
  private float[][] forward(float[][] xs, double t, float[][] cls) {
    int n = xs.length;
    float[] times = new float[n];
    Arrays.fill(times, (float) t);
    Map<String, INDArray> in = new HashMap<>();
    in.put(XT, Batches.matrix(xs, 0, n, shape.length()));
    in.put(TIME, timeFeatures(times));
    in.put(CLASS, Batches.matrix(cls, 0, n, classes + 1));
    return graph.rows(in, VELOCITY);
  }

  @Override
  public float[][] toImages(float[][] state) {
    return images(state);
  }

  /** Pixel rows in [0, 1] from the model's [−1, 1] scale, clipped. */
  static float[][] images(float[][] scaled) {
    float[][] out = new float[scaled.length][];
    for (int i = 0; i < scaled.length; i++) {
      float[] r = new float[scaled[i].length];
      for (int j = 0; j < r.length; j++) {
        r[j] = Math.max(0f, Math.min(1f, (scaled[i][j] + 1f) / 2f));
      }
      out[i] = r;
    }
    return out;
  }

  /**
   * The time t as {@value #TIME_FEATURES} sinusoidal features (sines and cosines at frequencies from 1 to
   * about 1,000 per unit of time), so the network can tell nearby times apart.
   */
  static INDArray timeFeatures(float[] t) {
    int half = TIME_FEATURES / 2;
    float[][] f = new float[t.length][TIME_FEATURES];
    for (int i = 0; i < t.length; i++) {
      for (int k = 0; k < half; k++) {
        double freq = Math.pow(1000, k / (double) (half - 1));
        f[i][k] = (float) Math.sin(freq * t[i]);
        f[i][half + k] = (float) Math.cos(freq * t[i]);
      }
    }
    return Batches.matrix(f, 0, t.length, TIME_FEATURES);
  }

  /**
   * Builds the graph: the embedding of time and class, the denoiser ({@link #foldedUnet} or, for a model
   * saved before it, {@link #legacyUnet}), and the losses.
   */
  private void build() {
    SameDiff sd = graph.sd();
    SDVariable xt = sd.placeHolder(XT, DataType.FLOAT, -1, shape.length());
    SDVariable time = sd.placeHolder(TIME, DataType.FLOAT, -1, TIME_FEATURES);
    SDVariable cls = sd.placeHolder(CLASS, DataType.FLOAT, -1, classes + 1);
    SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, shape.length());

    SDVariable emb =
        sd.nn().relu(
            graph.dense("t_emb", time, TIME_FEATURES, EMBEDDING).add(graph.dense("c_emb", cls, classes + 1, EMBEDDING)),
            0);
    emb = sd.nn().relu(graph.dense("emb", emb, EMBEDDING, EMBEDDING), 0);
    int base = Math.max(8, spec.hiddenUnits());
    SDVariable v = (legacy ? legacyUnet(xt, emb, base) : foldedUnet(xt, emb, base)).reshape(-1, shape.length());
    sd.identity(VELOCITY, v);
    SDVariable err = v.sub(target);
    SDVariable perImage = err.mul(err).mean(1);
    sd.mean(LOSS, perImage);
    // the same loss split by time: near pure noise the model learns rough shapes, near the image details
    SDVariable noisy = sd.placeHolder(NOISY_MASK, DataType.FLOAT, -1);
    SDVariable clean = noisy.rsub(1.0);
    perImage.mul(noisy).sum().div(noisy.sum().add(1e-6)).rename(NOISY);
    perImage.mul(clean).sum().div(clean.sum().add(1e-6)).rename(CLEAN);
    sd.setLossVariables(LOSS);
  }

  /**
   * The denoiser. Each 2×2 block of pixels is first folded into channels (space-to-depth: a 28×28 grey
   * image becomes 4 channels of 14×14, nothing lost), so every convolution works at half or quarter
   * resolution with a useful number of channels; the last one's channels are unfolded back into pixels.
   * Between them: a 3×3 convolution at half resolution, a strided one down to quarter resolution, two
   * there, nearest-neighbour upsampling joined with the half-resolution activations (a skip), and one
   * more 3×3 convolution. Convolving full-resolution images with a handful of channels, as the first
   * design did, is what oneDNN does slowest; this one trains about twice as many images a second here
   * and reaches the same label fidelity in fewer images (the README's Diffusion section has the figures).
   */
  private SDVariable foldedUnet(SDVariable xt, SDVariable emb, int base) {
    SameDiff sd = graph.sd();
    int c = shape.channels();
    int folded = 4 * c;
    int c1 = base + base / 2;
    int c2 = 3 * base;
    SDVariable img = fold(xt, c, shape.height(), shape.width());
    SDVariable e1 = stage("s1", conv("in", img, folded, c1, 1), emb, c1);
    SDVariable e2 = stage("s2", conv("down", e1, c1, c2, 2), emb, c2);
    SDVariable m = sd.nn().relu(conv("mid1", e2, c2, c2, 1), 0);
    m = stage("m2", conv("mid2", m, c2, c2, 1), emb, c2);
    SDVariable u = sd.concat(1, sd.cnn().upsampling2d(m, 2, 2, true), e1);
    u = stage("u1", conv("up", u, c2 + c1, c1, 1), emb, c1);
    return unfold(conv("out", u, c1, folded, 1), c, shape.height(), shape.width());
  }

  /**
   * Image rows ({@code c} channels of {@code h}×{@code w}, channel-first) as 4·c channels of (h/2)×(w/2):
   * pixel (y, x) of channel k goes to channel 4k + 2·(y mod 2) + (x mod 2) at (y/2, x/2).
   */
  static SDVariable fold(SDVariable rows, int c, int h, int w) {
    return rows.reshape(-1, c, h / 2, 2, w / 2, 2).permute(0, 1, 3, 5, 2, 4).reshape(-1, 4L * c, h / 2, w / 2);
  }

  /** The inverse of {@link #fold}: 4·c channels of (h/2)×(w/2) back to c channels of h×w. */
  static SDVariable unfold(SDVariable folded, int c, int h, int w) {
    return folded.reshape(-1, c, 2, 2, h / 2, w / 2).permute(0, 1, 4, 2, 5, 3);
  }

  /**
   * The first design's denoiser, kept so that models saved with it open as they were: 3×3 convolutions
   * at full, half and quarter resolution, nearest upsampling with skips.
   */
  private SDVariable legacyUnet(SDVariable xt, SDVariable emb, int base) {
    SameDiff sd = graph.sd();
    int c = shape.channels();
    int c0 = base / 2;
    int c1 = base + base / 2;
    int c2 = 2 * base;
    SDVariable img = xt.reshape(-1, c, shape.height(), shape.width());
    SDVariable h0 = stage("s0", conv("conv0", img, c, c0, 1), emb, c0);
    SDVariable h1 = stage("s1", conv("down1", h0, c0, c1, 2), emb, c1);
    SDVariable h2 = stage("s2", conv("down2", h1, c1, c2, 2), emb, c2);
    h2 = sd.nn().relu(conv("mid", h2, c2, c2, 1), 0);
    SDVariable u1 = sd.concat(1, sd.cnn().upsampling2d(h2, 2, 2, true), h1);
    u1 = stage("u1", conv("up1", u1, c2 + c1, c1, 1), emb, c1);
    SDVariable u0 = sd.concat(1, sd.cnn().upsampling2d(u1, 2, 2, true), h0);
    u0 = stage("u0", conv("up0", u0, c1 + c0, c0, 1), emb, c0);
    return conv("out", u0, c0, c, 1);
  }

  /** A stage's activations with the embedding added as a per-channel bias. */
  private SDVariable stage(String name, SDVariable x, SDVariable emb, int channels) {
    SDVariable bias = graph.dense(name + "_emb", emb, EMBEDDING, channels).reshape(-1, channels, 1, 1);
    return graph.sd().nn().relu(x.add(bias), 0);
  }

  /** A 3×3 convolution, {@code stride} 1 or 2, same padding. */
  private SDVariable conv(String name, SDVariable x, int in, int out, int stride) {
    Conv2DConfig cfg =
        Conv2DConfig.builder()
            .kH(3)
            .kW(3)
            .sH(stride)
            .sW(stride)
            .paddingMode(PaddingMode.SAME)
            .dataFormat("NCHW")
            .build();
    SDVariable wt = graph.weight(name + "_W", 9L * in, 9L * out, 3, 3, in, out);
    return graph.sd().cnn().conv2d(x, wt, graph.bias(name + "_b", out), cfg);
  }

  /** The flow-matching loss on {@code images}, at times and noise drawn from {@code seed}. */
  @Override
  public Map<String, Double> evaluateLoss(ImageDataset images, long seed) {
    Random rng = new Random(seed);
    double sum = 0;
    int n = images.size();
    for (int from = 0; from < n; from += SameDiffGraph.EVAL_BATCH) {
      int to = Math.min(n, from + SameDiffGraph.EVAL_BATCH);
      Map<String, INDArray> feed = feed(images, Batches.range(from, to), rng, false);
      sum += graph.scalars(feed, LOSS).get(LOSS) * (to - from);
    }
    return Map.of(LOSS, sum / n);
  }

  /**
   * One training batch: images at random times on their line to noise, the velocity to learn, and the
   * class (dropped to "no class" for {@value #DROP_CLASS_PERCENT}% of them when {@code dropClasses}).
   */
  private Map<String, INDArray> feed(ImageDataset data, int[] idx, Random rng, boolean dropClasses) {
    int n = idx.length;
    int d = shape.length();
    float[][] xt = new float[n][d];
    float[][] target = new float[n][d];
    float[] t = new float[n];
    float[][] cls = new float[n][classes + 1];
    float[] noisy = new float[n];
    float[] row = new float[d];
    for (int i = 0; i < n; i++) {
      data.copyImage(idx[i], row, 0);
      float ti = rng.nextFloat();
      t[i] = ti;
      noisy[i] = ti >= 0.5f ? 1 : 0;
      for (int j = 0; j < d; j++) {
        float x = 2 * row[j] - 1;
        float eps = (float) rng.nextGaussian();
        xt[i][j] = FlowMatching.point(x, eps, ti);
        target[i][j] = FlowMatching.velocity(x, eps);
      }
      boolean drop = classes == 0 || (dropClasses && rng.nextInt(100) < DROP_CLASS_PERCENT);
      cls[i][drop ? classes : data.label(idx[i])] = 1;
    }
    Map<String, INDArray> in = new HashMap<>();
    in.put(XT, Batches.matrix(xt, 0, n, d));
    in.put(TARGET, Batches.matrix(target, 0, n, d));
    in.put(TIME, timeFeatures(t));
    in.put(CLASS, Batches.matrix(cls, 0, n, classes + 1));
    in.put(NOISY_MASK, Nd4j.create(noisy));
    return in;
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    return new BatchTrainer(train.size(), spec.batchSize(), spec.seed()) {
      private final EpochNoise noises = new EpochNoise(spec.seed());

      @Override
      protected Step step(int[] batch) {
        Map<String, INDArray> in = feed(train, batch, noises.of(currentEpoch()), true);
        return new Step(batch.length, graph.step(in, List.of(LOSS, NOISY, CLEAN), null));
      }
    };
  }

  /** The graph, for the benchmark. */
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
    return marked(graph.state());
  }

  @Override
  public void restore(ModelState state) {
    fitTo(state);
    graph.loadFrom("", state);
  }

  @Override
  public ModelState checkpoint() {
    return marked(graph.checkpoint());
  }

  @Override
  public void resume(ModelState checkpoint) {
    fitTo(checkpoint);
    graph.loadTrainingFrom("", checkpoint);
  }

  /** {@code saved} with the mark of the folded U-Net, unless this is the first design's. */
  private ModelState marked(ModelState saved) {
    if (legacy) {
      return saved;
    }
    Map<String, double[]> arrays = new HashMap<>(saved.arrays());
    arrays.put(FOLDED, new double[] {1});
    return new ModelState(arrays, saved.blobs());
  }

  /** Rebuilds the graph in the design {@code saved} was written by, when that is not this one's. */
  private void fitTo(ModelState saved) {
    boolean savedLegacy = !saved.arrays().containsKey(FOLDED);
    if (savedLegacy == legacy) {
      return;
    }
    graph.close();
    graph = new SameDiffGraph();
    legacy = savedLegacy;
    Nd4j.getRandom().setSeed(spec.seed());
    build();
    graph.initTraining(spec.learningRate());
  }
}
