package org.duetstudio.core.model;

import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;

/** The shipped Fashion-MNIST sample, loaded once per test JVM. */
public final class SampleData {
  private static TrainTestData data;

  private SampleData() {}

  public static synchronized TrainTestData get() {
    if (data == null) {
      try {
        data = new DatasetLocator().resolve("sample").load().data();
      } catch (Exception e) {
        throw new AssertionError("sample-data could not be loaded", e);
      }
    }
    return data;
  }

  /** The first {@code train} training and {@code test} test images. */
  public static TrainTestData small(int train, int test) {
    return get().limit(train, test);
  }
}
