package org.duetstudio.core.model;

import java.util.Random;

/**
 * The order in which a training set's images are visited: a fresh permutation each epoch from the seed,
 * cut into batches (the last one may be smaller). Same seed, same order.
 */
public final class BatchOrder {
  private final int size;
  private final int batchSize;
  private final long seed;
  private final int[] order;
  private int cursor;

  public BatchOrder(int size, int batchSize, long seed) {
    if (size <= 0) {
      throw new IllegalArgumentException("cannot train on an empty data set");
    }
    this.size = size;
    this.batchSize = Math.min(batchSize, size);
    this.seed = seed;
    this.order = new int[size];
    startEpoch(1);
  }

  public int batches() {
    return (size + batchSize - 1) / batchSize;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Reshuffles, repeatably for (seed, epoch). */
  public void startEpoch(int epoch) {
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Random rng = new Random(seed * 1_000_003L + epoch);
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    cursor = 0;
  }

  /** The indices of the next batch; wraps into a new pass with the same order if called past the end. */
  public int[] next() {
    if (cursor >= size) {
      cursor = 0;
    }
    int n = Math.min(batchSize, size - cursor);
    int[] idx = new int[n];
    System.arraycopy(order, cursor, idx, 0, n);
    cursor += n;
    return idx;
  }
}
