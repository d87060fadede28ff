package org.duetstudio.core.model.dl4j;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.BatchOrder;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.model.FlowMatching;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;

/**
 * Latent diffusion — how Stable Diffusion works (Rombach et al., 2022), small: a VAE learns to squeeze an
 * image into a code of a few numbers and back, and a diffusion model (flow matching, {@link
 * LatentDenoiser}) learns to draw codes, with classifier-free guidance towards a class. A new image is a
 * code walked from noise by the denoiser, then decoded by the VAE's decoder. Both learn in the same steps:
 * each batch trains the VAE, then the denoiser on the VAE's codes of the same images.
 */
public sealed class SameDiffLatentDiffusion implements Denoiser, Autoencoder, Persistent
    permits SameDiffLatentDiffusion.Conditional {
  static final String DENOISER_LOSS = "loss";
  static final String VAE_LOSS = "autoencoder";

  protected final GeneratorSpec spec;
  protected final List<String> classNames;
  protected final int classes;
  private final SameDiffVae vae;
  private final LatentDenoiser denoiser;

  /** Conditional latent diffusion: codes drawn for a class, guided towards it. */
  public static final class Conditional extends SameDiffLatentDiffusion implements ConditionalGenerator {
    public Conditional(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
      super(spec, shape, classNames);
    }

    @Override
    public List<String> classNames() {
      return classNames;
    }

    @Override
    public float[][] decode(float[][] latent, float[][] classWeights) {
      return toImages(path(latent, classWeights, spec.guidance(), spec.samplingSteps(), 0).getLast());
    }

    @Override
    public float[][] decode(float[][] latent) {
      return ConditionalGenerator.super.decode(latent);
    }
  }

  public SameDiffLatentDiffusion(GeneratorSpec spec, ImageShape shape, List<String> classNames) {
    this.spec = spec;
    this.classNames = List.copyOf(classNames);
    this.classes = spec.conditional() ? classNames.size() : 0;
    if (spec.conditional() && classes < 2) {
      throw new IllegalArgumentException("a class-conditional model needs at least two classes");
    }
    GeneratorSpec vaeSpec =
        GeneratorSpec.defaults(GeneratorKind.VAE)
            .withConditional(false)
            .withLatentDim(spec.latentDim())
            .withBatchSize(spec.batchSize())
            .withSeed(spec.seed())
            .withEpochs(spec.epochs());
    this.vae = new SameDiffVae(vaeSpec, shape, classNames);
    this.denoiser =
        new LatentDenoiser(spec.latentDim(), classes, spec.hiddenUnits(), spec.learningRate());
  }

  @Override
  public String name() {
    return String.format(
        Locale.ROOT,
        "%s (a VAE's %d-number codes, %d steps%s)",
        classes > 0 ? "Conditional latent diffusion" : "Latent diffusion",
        spec.latentDim(),
        spec.samplingSteps(),
        classes > 0 ? String.format(Locale.ROOT, ", guidance %.1f", spec.guidance()) : "");
  }

  @Override
  public ImageShape shape() {
    return vae.shape();
  }

  @Override
  public int latentDim() {
    return spec.latentDim();
  }

  /** The codes are noise walked to a code, not a plane of the VAE's: no map of them. */
  @Override
  public boolean hasLatentPlane() {
    return false;
  }

  @Override
  public float[][] samplePrior(int n, long seed) {
    return Batches.gaussian(n, spec.latentDim(), new Random(seed));
  }

  @Override
  public float[][] decode(float[][] latent) {
    return toImages(path(latent, null, 0, spec.samplingSteps(), 0).getLast());
  }

  @Override
  public List<float[][]> path(
      float[][] noise, float[][] classWeights, double guidance, int steps, int every) {
    return FlowMatching.sample(
        noise,
        steps,
        every,
        (z, t) ->
            SameDiffDiffusion.guidedVelocity(z, t, classWeights, guidance, classes, denoiser::velocity));
  }

  /** A state of the walk is a code: the VAE's decoder makes it an image. */
  @Override
  public float[][] toImages(float[][] state) {
    return vae.decode(state);
  }

  @Override
  public int defaultSteps() {
    return spec.samplingSteps();
  }

  @Override
  public double defaultGuidance() {
    return classes > 0 ? spec.guidance() : 0;
  }

  @Override
  public float[][] encode(ImageDataset images) {
    return vae.encode(images);
  }

  @Override
  public float[][] reconstruct(ImageDataset images) {
    return vae.reconstruct(images);
  }

  /** The denoiser's loss on the VAE's codes of {@code images}, and the VAE's own. */
  @Override
  public Map<String, Double> evaluateLoss(ImageDataset images, long seed) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(DENOISER_LOSS, denoiser.loss(vae.encode(images), images.labels(), new Random(seed)));
    m.put(VAE_LOSS, vae.evaluateLoss(images, seed).get(SameDiffVae.LOSS));
    return m;
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    Trainer vaeSteps = vae.trainer(train);
    BatchOrder order = new BatchOrder(train.size(), spec.batchSize(), spec.seed());
    EpochNoise noises = new EpochNoise(spec.seed() + 1);
    return new Trainer() {
      private int epoch = 1;

      @Override
      public int stepsPerEpoch() {
        return order.batches();
      }

      @Override
      public void startEpoch(int e) {
        epoch = e;
        vaeSteps.startEpoch(e);
        order.startEpoch(e);
      }

      @Override
      public Step step() {
        int[] idx = order.next(); // the VAE's trainer visits the same images in the same order
        Step v = vaeSteps.step();
        ImageDataset batch = train.subset(idx, "batch");
        double d = denoiser.step(vae.encode(batch), batch.labels(), noises.of(epoch));
        Map<String, Double> losses = new HashMap<>();
        losses.put(Step.LOSS, d);
        losses.put(VAE_LOSS, v.loss());
        return new Step(idx.length, losses);
      }
    };
  }

  @Override
  public ModelState state() {
    return both(false);
  }

  @Override
  public void restore(ModelState state) {
    vae.restore(part(state, "vae/"));
    denoiser.loadFrom("denoiser/", state);
  }

  @Override
  public ModelState checkpoint() {
    return both(true);
  }

  @Override
  public void resume(ModelState checkpoint) {
    vae.resume(part(checkpoint, "vae/"));
    denoiser.loadFrom("denoiser/", checkpoint);
  }

  /** Frees the VAE's and the denoiser's native arrays; the model cannot be used after it. */
  @Override
  public void close() {
    vae.close();
    denoiser.close();
  }

  private ModelState both(boolean training) {
    Map<String, double[]> arrays = new HashMap<>();
    ModelState v = training ? vae.checkpoint() : vae.state();
    v.arrays().forEach((k, a) -> arrays.put("vae/" + k, a));
    denoiser.saveTo("denoiser/", arrays, training);
    return new ModelState(arrays, Map.of());
  }

  private static ModelState part(ModelState s, String prefix) {
    Map<String, double[]> arrays = new HashMap<>();
    s.arrays().forEach((k, a) -> {
      if (k.startsWith(prefix)) {
        arrays.put(k.substring(prefix.length()), a);
      }
    });
    return new ModelState(arrays, Map.of());
  }
}
