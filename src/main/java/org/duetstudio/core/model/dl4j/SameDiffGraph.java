package org.duetstudio.core.model.dl4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.BatchTrainer;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * A SameDiff graph and the training step the studio runs on it: one forward/backward pass that returns
 * the named loss values, then an Adam update of every trainable variable.
 *
 * <p>Why not {@code SameDiff.fit}: in DL4J 1.0.0-M2.1 its listeners receive a loss of 0 (the forward loss
 * op is pruned from the gradient graph), and a GAN needs updates of chosen variables only. SameDiff on the
 * oneDNN build ran LeNet 3–5× faster than DL4J's layer API here (measured on 2 cores), which is why the models
 * are SameDiff graphs.
 *
 * <p>A graph's arrays live outside the Java heap. {@link #close()} frees them at once instead of whenever
 * the garbage collector gets round to the dropped graph (which a small heap may not do for a long time);
 * every use after it fails with an {@link IllegalStateException}. Uses run under a shared lock that
 * {@code close} takes exclusively, so closing from another thread waits for a call under way to end
 * instead of freeing arrays under it.
 */
final class SameDiffGraph {
  static final int EVAL_BATCH = 500;

  private final Guard guard;
  private final SameDiff sd = SameDiff.create();
  private final List<String> trainable = new ArrayList<>();
  private final Map<String, INDArray> feedArrays = new HashMap<>();
  private HeapAdam adam = new HeapAdam(new Adam(1e-3));
  private final Map<String, String> gradientNames = new HashMap<>();
  private SameDiff gradFn;
  private int iteration;

  /** A graph of its own. */
  SameDiffGraph() {
    this.guard = new Guard();
    guard.graphs.add(this);
  }

  /** A graph of the same model as {@code sibling}: closed with it, and used under the same lock. */
  SameDiffGraph(SameDiffGraph sibling) {
    this.guard = sibling.guard;
    guard.graphs.add(this);
  }

  /**
   * The lock and the closed flag of one model's graphs. Uses take the read lock (reentrant, so a use may
   * call another), {@code close} the write lock.
   */
  private static final class Guard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<SameDiffGraph> graphs = new ArrayList<>();
    private volatile boolean closed;

    <T> T use(Supplier<T> work) {
      lock.readLock().lock();
      try {
        ensureOpen();
        return work.get();
      } finally {
        lock.readLock().unlock();
      }
    }

    void ensureOpen() {
      if (closed) {
        throw new IllegalStateException(
            "This model has been closed (its native memory freed); train or open it again to use it.");
      }
    }

    void close() {
      lock.writeLock().lock();
      try {
        if (closed) {
          return;
        }
        closed = true;
        graphs.forEach(SameDiffGraph::free);
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  /** The graph itself, to build it (and for the benchmark's bare loops); refused once closed. */
  SameDiff sd() {
    guard.ensureOpen();
    return sd;
  }

  /** Frees the arrays of this graph (and of its gradient function), and the optimiser's state. */
  void close() {
    guard.close();
  }

  boolean isClosed() {
    return guard.closed;
  }

  private void free() {
    List<SameDiff> graphs = new ArrayList<>();
    graphs.add(sd);
    if (gradFn != null) {
      graphs.add(gradFn);
    }
    for (SameDiff g : graphs) {
      for (InferenceSession s : g.getSessions().values()) {
        try {
          s.getMmgr().close(); // the arrays the session's cache keeps for reuse
        } catch (RuntimeException e) {
          // freed as far as it could; what is left goes with the garbage collector
        }
      }
      g.getSessions().clear();
    }
    List<INDArray> arrays = new ArrayList<>(feedArrays.values());
    feedArrays.clear();
    for (SameDiff g : graphs) {
      for (String name : g.getVariablesArrays().arrayNames()) {
        arrays.add(g.getVariablesArrays().getArray(name));
      }
      for (String name : g.getConstantArrays().arrayNames()) {
        arrays.add(g.getConstantArrays().getArray(name));
      }
    }
    closeAll(arrays);
    trainable.clear();
    adam.clear();
  }

  /** A trainable weight matrix/kernel with Xavier initialisation (uses ND4J's seeded random). */
  SDVariable weight(String name, long fanIn, long fanOut, long... shape) {
    return sd.var(name, new XavierInitScheme('c', fanIn, fanOut), DataType.FLOAT, shape);
  }

  SDVariable bias(String name, long size) {
    return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
  }

  /** Dense layer x·W + b. */
  SDVariable dense(String name, SDVariable x, long in, long out) {
    return x.mmul(weight(name + "_W", in, out, in, out)).add(bias(name + "_b", out));
  }

  /** Dense layer with given (shared) variables. */
  static SDVariable dense(SDVariable x, SDVariable w, SDVariable b) {
    return x.mmul(w).add(b);
  }

  /** Prepares Adam state for all trainable variables; call once the graph is built. */
  void initTraining(double lr) {
    initTraining(new Adam(lr));
  }

  /** Prepares Adam's state (zero moments) for every trainable variable. */
  void initTraining(Adam config) {
    trainable.clear();
    adam = new HeapAdam(config);
    for (SDVariable v : sd.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        trainable.add(v.name());
        adam.add(v.name(), Math.toIntExact(v.getArr().length()));
      }
    }
  }

  /** Every trainable variable's values, as a model's saved state. */
  ModelState state() {
    Map<String, double[]> arrays = new HashMap<>();
    saveTo("", arrays);
    return new ModelState(arrays, Map.of());
  }

  /** Every trainable variable's values, under {@code prefix + name}. */
  void saveTo(String prefix, Map<String, double[]> out) {
    guard.use(() -> {
      saveWeights(prefix, out);
      return null;
    });
  }

  private void saveWeights(String prefix, Map<String, double[]> out) {
    for (String name : trainable) {
      float[] f = sd.getArrForVarName(name).dup('c').data().asFloat();
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      out.put(prefix + name, d);
    }
  }

  /**
   * What resuming training needs beyond {@link #saveTo}: each variable's optimiser state (Adam's moments)
   * and the step count (its bias correction), under {@code prefix + "optimiser/"}.
   */
  void saveTrainingTo(String prefix, Map<String, double[]> out) {
    guard.use(() -> {
      saveOptimiser(prefix, out);
      return null;
    });
  }

  private void saveOptimiser(String prefix, Map<String, double[]> out) {
    saveWeights(prefix, out);
    for (String name : trainable) {
      out.put(prefix + "optimiser/" + name, adam.state(name));
    }
    out.put(prefix + "optimiser/iteration", new double[] {iteration});
  }

  /** Takes what {@link #saveTrainingTo} saved; a state without optimiser parts restores the weights only. */
  void loadTrainingFrom(String prefix, ModelState state) {
    guard.use(() -> {
      loadOptimiser(prefix, state);
      return null;
    });
  }

  private void loadOptimiser(String prefix, ModelState state) {
    loadWeights(prefix, state);
    if (!state.arrays().containsKey(prefix + "optimiser/iteration")) {
      return;
    }
    for (String name : trainable) {
      adam.restore(name, state.array(prefix + "optimiser/" + name));
    }
    iteration = (int) state.array(prefix + "optimiser/iteration")[0];
  }

  /** A model's checkpoint: weights, optimiser state and step count. */
  ModelState checkpoint() {
    Map<String, double[]> arrays = new HashMap<>();
    saveTrainingTo("", arrays);
    return new ModelState(arrays, Map.of());
  }

  /** Takes every trainable variable's values from {@code state} (saved by {@link #saveTo}). */
  void loadFrom(String prefix, ModelState state) {
    guard.use(() -> {
      loadWeights(prefix, state);
      return null;
    });
  }

  private void loadWeights(String prefix, ModelState state) {
    for (String name : trainable) {
      INDArray arr = sd.getArrForVarName(name);
      double[] d = state.array(prefix + name);
      if (d.length != arr.length()) {
        throw new IllegalArgumentException(
            "the saved '" + name + "' has " + d.length + " values, the model " + arr.length());
      }
      float[] f = new float[d.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) d[i];
      }
      arr.assign(Nd4j.create(f, arr.shape(), 'c'));
    }
  }

  List<String> trainableNames() {
    return new ArrayList<>(trainable);
  }

  /**
   * One training step: computes {@code outputs} (the first is the loss that is minimised) and the
   * gradients of {@code trained} (all trainable variables when null), and applies Adam to them.
   *
   * <p>The step owns {@code placeholders}: they (but for views, such as those of a {@link #feedBuffer}),
   * the gradients and the outputs are closed before it returns. Freeing native memory at once, rather than when the garbage collector gets round to it, keeps
   * the process small and the allocator warm (letting it pile up made steps up to 30% slower).
   */
  Map<String, Double> step(
      Map<String, INDArray> placeholders, List<String> outputs, List<String> trained) {
    return guard.use(() -> stepOnce(placeholders, outputs, trained));
  }

  private Map<String, Double> stepOnce(
      Map<String, INDArray> placeholders, List<String> outputs, List<String> trained) {
    List<String> vars = trained == null ? trainableNames() : trained;
    SameDiff gradFn = gradientFunction();
    List<String> wanted = new ArrayList<>(outputs);
    for (String v : vars) {
      String g = gradientNames.get(v);
      if (g != null) {
        wanted.add(g);
      }
    }
    Map<String, INDArray> results = gradFn.output(placeholders, wanted.toArray(String[]::new));
    Map<String, Double> values = new HashMap<>();
    for (String o : outputs) {
      values.put(o, results.get(o).getDouble(0));
    }
    for (String name : vars) {
      String g = gradientNames.get(name);
      if (g == null) {
        continue; // variable does not influence this loss
      }
      adam.apply(name, sd.getArrForVarName(name), results.get(g), iteration);
    }
    iteration++;
    closeAll(results.values());
    closeAll(placeholders.values());
    return values;
  }

  /**
   * A native array of at least {@code length} floats that this graph keeps for its training feeds (one
   * per name, grown when a batch needs more; freed with the graph). Feed views of it, never the array
   * itself: the step closes its placeholders, and ND4J does not close views. For the training thread
   * only.
   */
  INDArray feedBuffer(String name, long length) {
    INDArray a = feedArrays.get(name);
    if (a == null || a.length() < length) {
      if (a != null) {
        a.close();
      }
      a = Nd4j.createUninitialized(DataType.FLOAT, length);
      feedArrays.put(name, a);
    }
    return a;
  }

  /**
   * The gradient graph, run directly. {@code SameDiff.calculateGradientsAndOutputs} would do the same but
   * switches off the session's array cache on every call, so each step allocated all of its arrays anew:
   * 20–25% slower than {@code SameDiff.fit} and gigabytes of garbage. With the cache on, intermediate
   * arrays are reused from step to step. (No op here behaves differently in training and inference.)
   */
  private SameDiff gradientFunction() {
    if (gradFn == null) {
      sd.createGradFunction();
      gradFn = sd.getFunction("grad");
      gradFn.setEnableCache(true);
      for (String v : trainable) {
        SDVariable grad = sd.getVariable(v).getGradient();
        if (grad != null) {
          gradientNames.put(v, grad.name());
        }
      }
    }
    return gradFn;
  }

  private static void closeAll(Collection<INDArray> arrays) {
    for (INDArray a : arrays) {
      if (a != null && !a.wasClosed() && a.closeable()) {
        a.close();
      }
    }
  }

  double learningRate() {
    return adam.learningRate();
  }

  /** Runs the graph for one output. */
  INDArray output(Map<String, INDArray> placeholders, String output) {
    return guard.use(() -> sd.output(placeholders, output).get(output));
  }

  /** Runs the graph for one output and reads its rows; closes {@code placeholders}. */
  float[][] rows(Map<String, INDArray> placeholders, String output) {
    return guard.use(
        () -> {
          float[][] rows = Batches.rows(sd.output(placeholders, output).get(output));
          closeAll(placeholders.values());
          return rows;
        });
  }

  /**
   * Runs {@code work}, which uses this graph (and its siblings) several times, as one use: a close from
   * another thread waits for all of it.
   */
  <T> T use(Supplier<T> work) {
    return guard.use(work);
  }

  /** Runs the graph for scalar outputs (losses, mean scores); closes {@code placeholders}. */
  Map<String, Double> scalars(Map<String, INDArray> placeholders, String... outputs) {
    return guard.use(
        () -> {
          Map<String, INDArray> out = sd.output(placeholders, outputs);
          Map<String, Double> values = new HashMap<>();
          for (String o : outputs) {
            values.put(o, out.get(o).getDouble(0));
          }
          closeAll(out.values());
          closeAll(placeholders.values());
          return values;
        });
  }

  /** Takes the values of {@code names} from the same variables of {@code from} (a sibling graph). */
  void copyVariables(SameDiffGraph from, List<String> names) {
    guard.use(
        () ->
            from.guard.use(
                () -> {
                  for (String v : names) {
                    sd.getArrForVarName(v).assign(from.sd.getArrForVarName(v));
                  }
                  return null;
                }));
  }

  /** What to feed the graph for rows {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  interface Feed {
    Map<String, INDArray> rows(int from, int to);
  }

  /** {@code n} rows fed {@value #EVAL_BATCH} at a time, one output's rows out. */
  float[][] outputRows(int n, Feed feed, String output) {
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += EVAL_BATCH) {
      int to = Math.min(n, from + EVAL_BATCH);
      float[][] part = rows(feed.rows(from, to), output);
      System.arraycopy(part, 0, out, from, part.length);
    }
    return out;
  }

  /** Images in (fed to {@code input}), one output's rows out, {@value #EVAL_BATCH} at a time. */
  float[][] outputRows(ImageDataset images, String input, String output) {
    return outputRows(
        images.size(),
        (from, to) -> Map.of(input, Batches.features(images, Batches.range(from, to))),
        output);
  }

  /**
   * A trainer that feeds each shuffled batch through {@code feed} and takes one step on {@code outputs}
   * (the first is the loss; all are reported).
   */
  Trainer trainer(
      ImageDataset train,
      int batchSize,
      long seed,
      BiFunction<int[], Integer, Map<String, INDArray>> feed,
      List<String> outputs) {
    return new BatchTrainer(train.size(), batchSize, seed) {
      @Override
      protected Step step(int[] batch) {
        return new Step(
            batch.length, SameDiffGraph.this.step(feed.apply(batch, currentEpoch()), outputs, null));
      }
    };
  }
}
