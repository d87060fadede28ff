package org.duetstudio.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Splits one labelled set into train and test, stratified by class, repeatably for a given seed. */
public final class DatasetSplit {
  private DatasetSplit() {}

  /**
   * Puts about {@code testFraction} of each class into the test set (at least one image per class when
   * the class has two or more), shuffled with {@code seed}.
   */
  public static TrainTestData stratified(
      ImageDataset all, double testFraction, long seed, String source) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
    }
    if (all.size() < 2) {
      throw new IllegalArgumentException("cannot split " + all.size() + " image(s) into train and test");
    }
    Random rng = new Random(seed);
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < all.numClasses(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      byClass.get(all.label(i)).add(i);
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, rng);
      int nTest = (int) Math.round(members.size() * testFraction);
      if (members.size() >= 2) {
        nTest = Math.max(1, Math.min(members.size() - 1, nTest));
      }
      test.addAll(members.subList(0, nTest));
      train.addAll(members.subList(nTest, members.size()));
    }
    Collections.shuffle(train, rng);
    Collections.shuffle(test, rng);
    return new TrainTestData(
        all.subset(toArray(train), all.name() + " (train)"),
        all.subset(toArray(test), all.name() + " (test)"),
        source);
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
