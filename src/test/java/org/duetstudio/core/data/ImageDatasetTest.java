package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {
  private static final ImageShape SHAPE = new ImageShape(2, 1, 1);

  @Test
  void isImmutableAgainstItsInputsAndOutputs() {
    float[][] rows = {{0.1f, 0.2f}, {0.3f, 0.4f}};
    int[] labels = {0, 1};
    ImageDataset d = new ImageDataset("t", SHAPE, rows, labels, List.of("a", "b"));
    rows[0][0] = 9;
    labels[0] = 1;
    d.image(1)[0] = 9;
    d.labels()[1] = 0;
    assertThat(d.image(0)).containsExactly(0.1f, 0.2f);
    assertThat(d.image(1)).containsExactly(0.3f, 0.4f);
    assertThat(d.labels()).containsExactly(0, 1);
  }

  @Test
  void fingerprintIdentifiesContent() {
    ImageDataset a = new ImageDataset("a", SHAPE, new float[][] {{0, 1}}, new int[] {0}, List.of("x"));
    ImageDataset same = new ImageDataset("b", SHAPE, new float[][] {{0, 1}}, new int[] {0}, List.of("x"));
    ImageDataset other = new ImageDataset("c", SHAPE, new float[][] {{0, 0.5f}}, new int[] {0}, List.of("x"));
    assertThat(a.fingerprint()).hasSize(64).isEqualTo(same.fingerprint());
    assertThat(other.fingerprint()).isNotEqualTo(a.fingerprint());
  }

  @Test
  void refusesInconsistentInput() {
    assertThatThrownBy(
            () -> new ImageDataset("t", SHAPE, new float[][] {{0, 1}}, new int[] {3}, List.of("x")))
        .hasMessageContaining("label 3 of image 0");
    assertThatThrownBy(
            () -> new ImageDataset("t", SHAPE, new float[][] {{0, 1, 2}}, new int[] {0}, List.of("x")))
        .hasMessageContaining("has 3 values, expected 2");
  }

  @Test
  void stratifiedSplitIsDisjointBalancedAndRepeatable() {
    int n = 200;
    float[][] rows = new float[n][2];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i][0] = i;
      labels[i] = i % 4;
    }
    ImageDataset all = new ImageDataset("all", SHAPE, rows, labels, List.of("a", "b", "c", "d"));
    TrainTestData s1 = DatasetSplit.stratified(all, 0.25, 7, "x");
    TrainTestData s2 = DatasetSplit.stratified(all, 0.25, 7, "x");
    assertThat(s1.test().classCounts()).containsExactly(13, 13, 13, 13);
    assertThat(s1.train().size() + s1.test().size()).isEqualTo(n);
    assertThat(s1.train().fingerprint()).isEqualTo(s2.train().fingerprint());
    Set<Float> trainIds = new HashSet<>();
    for (int i = 0; i < s1.train().size(); i++) {
      trainIds.add(s1.train().image(i)[0]);
    }
    for (int i = 0; i < s1.test().size(); i++) {
      assertThat(trainIds).doesNotContain(s1.test().image(i)[0]);
    }
    assertThat(DatasetSplit.stratified(all, 0.25, 8, "x").train().fingerprint())
        .isNotEqualTo(s1.train().fingerprint());
  }
}
