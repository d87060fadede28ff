package org.duetstudio.core.model.smile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BaseClassifier;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/**
 * Smile's random forest (Breiman, 2001): many decision trees, each grown on a bootstrap sample of the
 * images and choosing every split among a random subset of pixels; the forest answers with the trees'
 * vote. No gradients and no epochs: a tree is grown once.
 *
 * <p>Smile grows a whole forest in one call, which the engine could neither report on nor stop. So the
 * forest is grown {@value #TREES_PER_STEP} trees per step, each step a seeded Smile forest of its own,
 * merged into the forest so far: the engine reports progress, pauses and cancels between steps, and the
 * result is the same forest. A step's "loss" is the out-of-bag error of its trees (the share of
 * training images, left out of a tree's bootstrap sample, that the tree gets wrong) — a held-out error
 * measured for free.
 *
 * <p>Each step's trees are copied into {@link ForestTrees} (plain numbers, answering exactly as Smile's
 * forest), which is what the model predicts with and what it saves: a session holds the trees as checked
 * arrays, never a Java-serialised object (reading one could run code from whoever wrote the file).
 */
public final class SmileRandomForest extends BaseClassifier implements Persistent {
  static final int TREES_PER_STEP = 5;
  private static final String LABEL = "class";
  private static final int MAX_DEPTH = 20;
  private static final int NODE_SIZE = 5;

  private final int k;
  private ForestTrees forest;

  public SmileRandomForest(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    if (classNames.size() < 2) {
      throw new IllegalArgumentException("a random forest needs at least two classes");
    }
    this.k = classNames.size();
  }

  @Override
  public String name() {
    return "Random forest (" + spec.trees() + " trees)";
  }

  /** Trees grown so far. */
  public int size() {
    return forest == null ? 0 : forest.size();
  }

  @Override
  public float[][] predictProbabilities(ImageDataset images) {
    if (forest == null) { // no tree yet: every class equally likely
      float[][] out = new float[images.size()][k];
      for (float[] row : out) {
        Arrays.fill(row, 1f / k);
      }
      return out;
    }
    ForestTrees f = forest;
    return SmileRows.probabilities(images, k, f::predict);
  }

  private static DataFrame frame(ImageDataset data) {
    int p = data.shape().length();
    double[][] x = new double[data.size()][p];
    float[] row = new float[p];
    for (int i = 0; i < data.size(); i++) {
      data.copyImage(i, row, 0);
      SmileRows.toDouble(row, x[i]);
    }
    return DataFrame.of(x).add(new IntVector(LABEL, data.labels()));
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    return new Trainer() {
      private final int steps = (spec.trees() + TREES_PER_STEP - 1) / TREES_PER_STEP;
      private DataFrame data;
      private int step;

      @Override
      public int stepsPerEpoch() {
        return steps;
      }

      @Override
      public void startEpoch(int epoch) {
        // a forest is grown once: a later pass starts it over, with the same seeds
        forest = null;
        step = 0;
      }

      @Override
      public Step step() {
        if (data == null) {
          data = frame(train);
        }
        int trees = Math.min(TREES_PER_STEP, spec.trees() - step * TREES_PER_STEP);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
          seeds[t] = spec.seed() * 1_000_003L + step * TREES_PER_STEP + t;
        }
        int mtry = (int) Math.max(1, Math.floor(Math.sqrt(shape.length())));
        var options =
            new RandomForest.Options(
                trees,
                mtry,
                SplitRule.GINI,
                MAX_DEPTH,
                Integer.MAX_VALUE,
                NODE_SIZE,
                1.0,
                null,
                seeds,
                null);
        RandomForest part = grow(Formula.lhs(LABEL), data, options);
        ForestTrees grown = ForestTrees.of(part, data.schema(), k, shape.length());
        forest = forest == null ? grown : forest.merge(grown);
        step++;
        int share = train.size() / steps + (step <= train.size() % steps ? 1 : 0);
        return new Step(share, Map.of(Step.LOSS, 1 - part.metrics().accuracy()));
      }
    };
  }

  /**
   * Grows trees on a pool whose threads this (training) thread starts, so they inherit its lowered
   * priority; Smile would otherwise use the common pool.
   */
  private static RandomForest grow(Formula f, DataFrame data, RandomForest.Options options) {
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return pool.submit(() -> RandomForest.fit(f, data, options)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while growing trees", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("growing trees failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** The forest's trees as named arrays of numbers (see {@link ForestTrees}). */
  @Override
  public ModelState state() {
    return new ModelState(forest == null ? Map.of() : forest.arrays(), Map.of());
  }

  /**
   * Takes trees saved by {@link #state()}, every number checked; a state that fails (or one from an
   * older studio, which stored the forest as a serialised Java object) is refused with one sentence and
   * leaves the model as it was.
   */
  @Override
  public void restore(ModelState state) {
    if (state.blobs().containsKey("forest")) {
      throw new IllegalArgumentException(
          "the saved forest is a serialised Java object (an older studio's format), which this studio does"
              + " not read because opening it could run code; train the forest again");
    }
    if (!state.blobs().isEmpty()) {
      throw new IllegalArgumentException("the saved forest holds data a random forest does not have");
    }
    if (state.arrays().isEmpty()) {
      forest = null;
      return;
    }
    forest = ForestTrees.from(state, k, shape.length());
  }
}
