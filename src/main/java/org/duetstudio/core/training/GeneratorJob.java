package org.duetstudio.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.SampleDiversity;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainer;

/**
 * Trains a generator, draws its sample grid from fixed latent points every few seconds and after each
 * epoch, and measures its held-out loss on up to {@value #TEST_EVAL_LIMIT} test images per epoch.
 */
public final class GeneratorJob extends ModelJob<GeneratorSpec, ImageGenerator> {
  /** Images in the sample grid (8 × 8). */
  public static final int GRID_SIZE = 64;

  static final int TEST_EVAL_LIMIT = 1000;
  static final int RECONSTRUCTIONS = 16;
  static final int LATENT_MAP_POINTS = 1000;
  static final int MANIFOLD_SIDE = 12;
  static final double MANIFOLD_EXTENT = 2.5;

  private float[][] fixedLatent;
  private double realDiversity = Double.NaN;

  public GeneratorJob(GeneratorSpec spec, TrainTestData data) {
    super(spec, data);
  }

  /**
   * Images in the sample grid: {@value #GRID_SIZE}, or for a conditional generator 8 rows of one image
   * per class (class i in column i).
   */
  public static int gridSize(GeneratorSpec spec, int classes) {
    return spec.conditional() ? 8 * classes : GRID_SIZE;
  }

  /** Columns of the sample grid: 8, or one per class for a conditional generator. */
  public static int gridColumns(GeneratorSpec spec, int classes) {
    return spec.conditional() ? classes : 8;
  }

  /** A finished run's job, holding a model trained before (restored from a session). */
  public static GeneratorJob restored(GeneratorSpec spec, TrainTestData data, ImageGenerator model) {
    GeneratorJob j = new GeneratorJob(spec, data);
    j.adopt(model);
    return j;
  }

  @Override
  public String modelName() {
    return spec().kind().displayName();
  }

  @Override
  public int epochs() {
    return spec().epochs();
  }

  @Override
  public Trainer prepare() {
    adopt(Models.generator(spec(), data().shape(), data().train().classNames()));
    fixedLatent = model().samplePrior(gridSize(spec(), data().numClasses()), spec().seed());
    List<float[]> real = new ArrayList<>();
    for (int i = 0; i < Math.min(GRID_SIZE, data().train().size()); i++) {
      real.add(data().train().image(i));
    }
    realDiversity = SampleDiversity.measure(real);
    return model().trainer(data().train());
  }

  @Override
  public EpochReport endEpoch(int epoch, Map<String, Double> meanTrainLosses) {
    Map<String, Double> metrics = new HashMap<>();
    meanTrainLosses.forEach((k, v) -> metrics.put(Metrics.TRAIN_PREFIX + k, v));
    model()
        .evaluateLoss(data().test().head(TEST_EVAL_LIMIT), spec().seed())
        .forEach((k, v) -> metrics.put(Metrics.TEST_PREFIX + k, v));
    return new EpochReport(metrics, null, snapshot());
  }

  /**
   * Reconstructions of the first test images and, for a 2-D latent space, the map and manifold; null
   * for generators without an encoder.
   */
  private GeneratorSnapshot snapshot() {
    if (!(model() instanceof Autoencoder ae)) {
      return null;
    }
    ImageDataset originals = data().test().head(RECONSTRUCTIONS);
    List<float[]> points = List.of();
    int[] labels = new int[0];
    List<float[]> manifold = List.of();
    int side = 0;
    if (ae.latentDim() == 2) {
      ImageDataset mapped = data().test().head(LATENT_MAP_POINTS);
      points = Arrays.asList(ae.encode(mapped));
      labels = mapped.labels();
    }
    // a conditional model's decoder needs a class for every point: no single manifold to show
    if (ae.latentDim() == 2 && !spec().conditional()) {
      side = MANIFOLD_SIDE;
      float[][] grid = new float[side * side][2];
      for (int r = 0; r < side; r++) {
        for (int c = 0; c < side; c++) {
          grid[r * side + c][0] = (float) (-MANIFOLD_EXTENT + 2 * MANIFOLD_EXTENT * c / (side - 1));
          grid[r * side + c][1] = (float) (MANIFOLD_EXTENT - 2 * MANIFOLD_EXTENT * r / (side - 1));
        }
      }
      manifold = Arrays.asList(model().decode(grid));
    }
    List<float[]> orig = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      orig.add(originals.image(i));
    }
    return new GeneratorSnapshot(
        data().shape(),
        orig,
        Arrays.asList(ae.reconstruct(originals)),
        points,
        labels,
        data().test().classNames(),
        manifold,
        side,
        MANIFOLD_EXTENT);
  }

  @Override
  public Optional<Double> sampleIntervalSeconds() {
    return Optional.of(spec().sampleIntervalSeconds());
  }

  @Override
  public Samples samples() {
    List<float[]> grid = List.copyOf(Arrays.asList(model().decode(fixedLatent)));
    return new Samples(data().shape(), grid, gridColumns(), SampleDiversity.measure(grid) / realDiversity);
  }

  private int gridColumns() {
    return gridColumns(spec(), data().numClasses());
  }
}
