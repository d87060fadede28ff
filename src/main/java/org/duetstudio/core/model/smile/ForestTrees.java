package org.duetstudio.core.model.smile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.model.ModelState;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;

/**
 * A grown random forest as plain numbers: for every node the pixel it tests and the threshold (or, for a
 * leaf, the training images of each class that reached it), every tree's weight. It answers exactly as
 * the Smile forest it was copied from (the same sums in the same order), and it is what a session or a
 * checkpoint stores: a file holds numbers, checked for range when read, never objects to deserialise.
 *
 * <p>The nodes of all trees lie in one array, each tree in pre-order: an internal node's "x &lt;=
 * threshold" child is the next node, its other child is at {@code falseChild}, always further on — so a
 * walk always ends, whatever a file says.
 */
final class ForestTrees {
  /** The layout version written in {@code forest.header}. */
  private static final int LAYOUT = 1;
  /** More nodes than any forest the studio can grow (1,000 trees of depth 20 on 60,000 images). */
  private static final int MAX_NODES = 50_000_000;
  private static final int LEAF = -1;

  private final int k;
  private final int features;
  private final double[] weights;
  private final int[] roots;
  private final int[] feature;
  private final double[] threshold;
  private final int[] falseChild;
  /** Per node: the leaf's index into {@link #counts} (in units of k), or -1 for an internal node. */
  private final int[] leafIndex;
  private final int[] counts;
  /** Per leaf: its posterior, as Smile computes it ((count + 1) / (n + k)). */
  private final double[][] posteriors;

  private ForestTrees(
      int k, int features, double[] weights, int[] roots, int[] feature, double[] threshold, int[] falseChild,
      int[] counts) {
    this.k = k;
    this.features = features;
    this.weights = weights;
    this.roots = roots;
    this.feature = feature;
    this.threshold = threshold;
    this.falseChild = falseChild;
    this.counts = counts;
    this.leafIndex = new int[feature.length];
    int leaves = 0;
    for (int i = 0; i < feature.length; i++) {
      leafIndex[i] = feature[i] == LEAF ? leaves++ : -1;
    }
    this.posteriors = new double[leaves][];
    for (int l = 0; l < leaves; l++) {
      posteriors[l] = posterior(counts, l * k, k);
    }
  }

  /** The same arithmetic as Smile's {@code DecisionNode.posteriori}. */
  private static double[] posterior(int[] counts, int offset, int k) {
    long n = 0;
    for (int c = 0; c < k; c++) {
      n += counts[offset + c];
    }
    double d = n + k;
    double[] p = new double[k];
    for (int c = 0; c < k; c++) {
      p[c] = (counts[offset + c] + 1) / d;
    }
    return p;
  }

  int size() {
    return roots.length;
  }

  /** Fills {@code posterior} (length k) with the forest's answer for pixels {@code x}, as Smile would. */
  void predict(double[] x, double[] posterior) {
    Arrays.fill(posterior, 0);
    for (int t = 0; t < roots.length; t++) {
      int i = roots[t];
      while (feature[i] != LEAF) {
        i = x[feature[i]] <= threshold[i] ? i + 1 : falseChild[i];
      }
      double[] p = posteriors[leafIndex[i]];
      double w = weights[t];
      for (int c = 0; c < k; c++) {
        posterior[c] += w * p[c];
      }
    }
    double norm = 0;
    for (double v : posterior) {
      norm += Math.abs(v);
    }
    for (int c = 0; c < k; c++) {
      posterior[c] /= norm;
    }
  }

  /** This forest followed by {@code more}'s trees. */
  ForestTrees merge(ForestTrees more) {
    if (more.k != k || more.features != features) {
      throw new IllegalArgumentException("the forests have different classes or pixels");
    }
    int shift = feature.length;
    int[] r = Arrays.copyOf(roots, roots.length + more.roots.length);
    for (int t = 0; t < more.roots.length; t++) {
      r[roots.length + t] = more.roots[t] + shift;
    }
    int[] fc = Arrays.copyOf(falseChild, shift + more.falseChild.length);
    for (int i = 0; i < more.falseChild.length; i++) {
      fc[shift + i] = more.falseChild[i] == LEAF ? LEAF : more.falseChild[i] + shift;
    }
    return new ForestTrees(
        k,
        features,
        concat(weights, more.weights),
        r,
        concat(feature, more.feature),
        concat(threshold, more.threshold),
        fc,
        concat(counts, more.counts));
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /**
   * Copies a Smile forest grown on {@code features} pixel columns followed by the label ({@code schema}).
   * Smile keeps a split's threshold to itself; it is found exactly by asking the node which way values
   * go (a binary search over the doubles' order: the largest value that goes to the "true" side).
   */
  static ForestTrees of(RandomForest forest, StructType schema, int k, int features) {
    List<Integer> f = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    List<Integer> fc = new ArrayList<>();
    List<int[]> leaves = new ArrayList<>();
    RandomForest.Model[] models = forest.models();
    int[] roots = new int[models.length];
    double[] weights = new double[models.length];
    double[] probe = new double[schema.length()];
    for (int t = 0; t < models.length; t++) {
      roots[t] = f.size();
      weights[t] = models[t].weight();
      copy(models[t].tree().root(), f, v, fc, leaves, schema, probe, k);
    }
    int[] counts = new int[leaves.size() * k];
    for (int l = 0; l < leaves.size(); l++) {
      System.arraycopy(leaves.get(l), 0, counts, l * k, k);
    }
    return new ForestTrees(
        k,
        features,
        weights,
        roots,
        f.stream().mapToInt(Integer::intValue).toArray(),
        v.stream().mapToDouble(Double::doubleValue).toArray(),
        fc.stream().mapToInt(Integer::intValue).toArray(),
        counts);
  }

  private static void copy(
      Node node, List<Integer> f, List<Double> v, List<Integer> fc, List<int[]> leaves, StructType schema,
      double[] probe, int k) {
    switch (node) {
      case DecisionNode leaf -> {
        if (leaf.count().length != k) {
          throw new IllegalStateException("a tree's leaf counts " + leaf.count().length + " classes, not " + k);
        }
        f.add(LEAF);
        v.add(0.0);
        fc.add(LEAF);
        leaves.add(leaf.count().clone());
      }
      case OrdinalNode split -> {
        int at = f.size();
        f.add(split.feature());
        v.add(threshold(split, schema, probe));
        fc.add(LEAF); // set once the true side is copied
        copy(split.trueChild(), f, v, fc, leaves, schema, probe, k);
        fc.set(at, f.size());
        copy(split.falseChild(), f, v, fc, leaves, schema, probe, k);
      }
      case InternalNode other ->
          throw new IllegalStateException("a tree holds a split the studio does not store: " + other.getClass());
      default -> throw new IllegalStateException("a tree holds a node the studio does not store: " + node.getClass());
    }
  }

  /** The largest double that {@code split} sends to its true side (x &lt;= threshold). */
  private static double threshold(OrdinalNode split, StructType schema, double[] probe) {
    long lo = key(Double.NEGATIVE_INFINITY);
    long hi = key(Double.POSITIVE_INFINITY);
    if (goesTrue(split, schema, probe, Double.POSITIVE_INFINITY)) {
      return Double.POSITIVE_INFINITY;
    }
    if (!goesTrue(split, schema, probe, Double.NEGATIVE_INFINITY)) {
      return Double.NaN; // nothing goes to the true side
    }
    // invariant: lo goes true, hi does not
    while (hi != lo + 1) {
      long mid = (lo & hi) + ((lo ^ hi) >> 1); // the midpoint, without overflow
      if (goesTrue(split, schema, probe, value(mid))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return value(lo);
  }

  private static boolean goesTrue(OrdinalNode split, StructType schema, double[] probe, double x) {
    probe[split.feature()] = x;
    return split.branch(Tuple.of(schema, probe.clone()));
  }

  /** Doubles (not NaN) to longs in the same order. */
  private static long key(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }

  /** The forest as named arrays. */
  Map<String, double[]> arrays() {
    int[] sizes = new int[roots.length];
    for (int t = 0; t < roots.length; t++) {
      int end = t + 1 < roots.length ? roots[t + 1] : feature.length;
      sizes[t] = end - roots[t];
    }
    return Map.of(
        "forest.header", new double[] {LAYOUT, k, features},
        "forest.weights", weights.clone(),
        "forest.nodes", toDouble(sizes),
        "forest.feature", toDouble(feature),
        "forest.threshold", threshold.clone(),
        "forest.falseChild", toDouble(falseChild),
        "forest.counts", toDouble(counts));
  }

  private static double[] toDouble(int[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /**
   * Reads a forest back from {@link #arrays()}, checking every number: the classes and pixels must be the
   * model's, every node must point inside its own tree and further on, every count must be a whole
   * number. A file that fails gets an {@link IllegalArgumentException} with one sentence.
   */
  static ForestTrees from(ModelState state, int k, int features) {
    double[] header = state.array("forest.header");
    if (header.length != 3 || header[0] != LAYOUT) {
      throw new IllegalArgumentException("the saved forest has a layout this studio does not read");
    }
    if (header[1] != k || header[2] != features) {
      throw new IllegalArgumentException(
          "the saved forest is for " + header[1] + " classes and " + header[2] + " pixels, but this model has "
              + k + " classes and " + features + " pixels");
    }
    double[] weights = state.array("forest.weights");
    int[] sizes = ints(state.array("forest.nodes"), 1, MAX_NODES, "tree size");
    int[] feature = ints(state.array("forest.feature"), LEAF, features - 1, "pixel index");
    double[] threshold = state.array("forest.threshold");
    int[] falseChild = ints(state.array("forest.falseChild"), LEAF, MAX_NODES, "node index");
    int[] counts = ints(state.array("forest.counts"), 0, Integer.MAX_VALUE, "count");
    if (weights.length != sizes.length || sizes.length == 0) {
      throw new IllegalArgumentException("the saved forest has " + weights.length + " weights for "
          + sizes.length + " trees");
    }
    for (double w : weights) {
      if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("the saved forest has a tree weight of " + w);
      }
    }
    long total = 0;
    for (int s : sizes) {
      total += s;
    }
    if (total > MAX_NODES || total != feature.length || threshold.length != total || falseChild.length != total) {
      throw new IllegalArgumentException("the saved forest's node arrays do not match its tree sizes");
    }
    int[] roots = new int[sizes.length];
    int leaves = 0;
    int start = 0;
    for (int t = 0; t < sizes.length; t++) {
      roots[t] = start;
      int end = start + sizes[t];
      for (int i = start; i < end; i++) {
        if (feature[i] == LEAF) {
          leaves++;
        } else if (i + 1 >= end || falseChild[i] <= i + 1 || falseChild[i] >= end) {
          throw new IllegalArgumentException("node " + i + " of the saved forest points outside its tree");
        }
      }
      if (feature[end - 1] != LEAF) {
        throw new IllegalArgumentException("a tree of the saved forest does not end in a leaf");
      }
      start = end;
    }
    if ((long) leaves * k != counts.length) {
      throw new IllegalArgumentException("the saved forest has " + counts.length + " counts for " + leaves
          + " leaves of " + k + " classes");
    }
    return new ForestTrees(k, features, weights.clone(), roots, feature, threshold.clone(), falseChild, counts);
  }

  private static int[] ints(double[] values, int min, int max, String what) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      double d = values[i];
      if (!(d >= min && d <= max) || d != Math.rint(d)) {
        throw new IllegalArgumentException("the saved forest has a " + what + " of " + d);
      }
      out[i] = (int) d;
    }
    return out;
  }
}
