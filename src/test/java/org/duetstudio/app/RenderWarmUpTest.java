package org.duetstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderWarmUpTest {
  @Test
  void theWarmUpReadsBackWhatItWrote() {
    // the same sums over plain arrays: the warm-up really writes and reads its off-heap memory
    long expected = 0;
    for (int r = 0; r < 40; r++) {
      for (int i = 0; i < 4096; i++) {
        expected += i ^ r;
      }
      for (int i = 0; i < 4096; i++) {
        expected += (byte) (i + r);
      }
    }
    assertThat(RenderWarmUp.run()).isEqualTo(expected);
  }
}
