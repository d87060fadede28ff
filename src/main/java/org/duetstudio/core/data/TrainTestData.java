package org.duetstudio.core.data;

import java.util.Objects;

/**
 * A training set and a test set of the same shape and classes, and where they came from.
 *
 * @param train the images models learn from
 * @param test held-out images, used only to measure
 * @param source how to load the same data again (a {@link DatasetSource#spec()}), for provenance
 */
public record TrainTestData(ImageDataset train, ImageDataset test, String source) {
  public TrainTestData {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (!train.shape().equals(test.shape())) {
      throw new IllegalArgumentException(
          "train images are " + train.shape() + " but test images are " + test.shape());
    }
    if (!train.classNames().equals(test.classNames())) {
      throw new IllegalArgumentException("train and test sets have different classes");
    }
  }

  public ImageShape shape() {
    return train.shape();
  }

  public int numClasses() {
    return train.numClasses();
  }

  /** At most {@code trainLimit} training and {@code testLimit} test images (for quick runs and tests). */
  public TrainTestData limit(int trainLimit, int testLimit) {
    return new TrainTestData(
        trainLimit > 0 ? train.head(trainLimit) : train,
        testLimit > 0 ? test.head(testLimit) : test,
        source);
  }
}
