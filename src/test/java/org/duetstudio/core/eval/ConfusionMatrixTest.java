package org.duetstudio.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  @Test
  void knownAnswers() {
    int[] actual = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[] predicted = {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    ConfusionMatrix m = ConfusionMatrix.of(actual, predicted, ABC);
    assertThat(m.total()).isEqualTo(10);
    assertThat(m.count(0, 1)).isEqualTo(1);
    assertThat(m.accuracy()).isEqualTo(0.7);
    assertThat(m.recall(0)).isEqualTo(0.75);
    assertThat(m.precision(0)).isEqualTo(0.75); // 3 of the 4 predicted "a"
    assertThat(m.precision(1)).isEqualTo(0.5);
    assertThat(m.recall(1)).isEqualTo(0.5);
    assertThat(m.f1(2)).isCloseTo(0.75, within(1e-12)); // p = 3/4, r = 3/4
    assertThat(m.support(2)).isEqualTo(4);
    assertThat(m.toTable()).contains("75.0%");
  }

  @Test
  void undefinedMeasuresAreNaNNotZero() {
    ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0}, new int[] {0, 0}, ABC);
    assertThat(m.precision(1)).isNaN();
    assertThat(m.recall(2)).isNaN();
    assertThat(m.macroF1()).isEqualTo(1.0);
  }

  @Test
  void predictionsTakeTheArgMaxAndItsProbability() {
    Predictions p =
        Predictions.fromProbabilities(
            new int[] {2, 0}, new float[][] {{0.1f, 0.2f, 0.7f}, {0.3f, 0.6f, 0.1f}}, ABC);
    assertThat(p.predicted(0)).isEqualTo(2);
    assertThat(p.confidence(1)).isEqualTo(0.6f);
    assertThat(p.correct(0)).isTrue();
    assertThat(p.correct(1)).isFalse();
    assertThat(p.accuracy()).isEqualTo(0.5);
    assertThat(Predictions.logLoss(new int[] {2}, new float[][] {{0, 0, 1}})).isZero();
  }
}
