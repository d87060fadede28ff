package org.duetstudio.core.model;

/**
 * A {@link Trainer} that walks the training set in shuffled batches ({@link BatchOrder}); a model only
 * says what one step on a batch of indices does.
 */
public abstract class BatchTrainer implements Trainer {
  private final BatchOrder order;
  private int epoch = 1;

  protected BatchTrainer(int trainSize, int batchSize, long seed) {
    this.order = new BatchOrder(trainSize, batchSize, seed);
  }

  @Override
  public final int stepsPerEpoch() {
    return order.batches();
  }

  @Override
  public final void startEpoch(int epoch) {
    this.epoch = epoch;
    order.startEpoch(epoch);
  }

  /** The pass in progress, from 1. */
  protected final int currentEpoch() {
    return epoch;
  }

  @Override
  public final Step step() {
    return step(order.next());
  }

  /** One update on the images at {@code batch}. */
  protected abstract Step step(int[] batch);
}
