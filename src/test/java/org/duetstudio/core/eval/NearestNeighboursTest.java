package org.duetstudio.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {
  @Test
  void findsTheClosestTrainingImageAndItsDistance() {
    ImageDataset train =
        new ImageDataset(
            "t",
            new ImageShape(2, 1, 1),
            new float[][] {{0, 0}, {1, 1}, {0.5f, 0}},
            new int[] {0, 0, 0},
            List.of("x"));
    NearestNeighbours nn =
        NearestNeighbours.find(List.of(new float[] {0.9f, 1}, new float[] {0.4f, 0}, new float[] {1, 1}), train);
    assertThat(nn.indices()).containsExactly(1, 2, 1);
    assertThat(nn.distances()[0]).isCloseTo(0.1, within(1e-6));
    assertThat(nn.distances()[2]).isZero(); // a copy of a training image: distance 0
    assertThat(nn.meanDistance()).isCloseTo((0.1 + 0.1) / 3, within(1e-6));
  }
}
