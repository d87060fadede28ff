package org.duetstudio.ui.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AxisRangeTest {
  private static boolean round(double tick) {
    double p = Math.pow(10, Math.floor(Math.log10(tick)));
    double f = tick / p;
    return Math.abs(f - 1) < 1e-9 || Math.abs(f - 2) < 1e-9 || Math.abs(f - 5) < 1e-9;
  }

  @Test
  void coversTheDataInRoundTicksAboutFiveOfThem() {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double scale = Math.pow(10, r.nextInt(12) - 6);
      double a = (r.nextDouble() * 2 - 1) * scale;
      double b = a + r.nextDouble() * scale;
      AxisRange range = AxisRange.around(a, b);
      assertThat(range.lower()).as("%s for [%s, %s]", range, a, b).isLessThanOrEqualTo(a);
      assertThat(range.upper()).as("%s for [%s, %s]", range, a, b).isGreaterThanOrEqualTo(b);
      assertThat(round(range.tick())).as("%s: a round tick", range).isTrue();
      double ticks = (range.upper() - range.lower()) / range.tick();
      assertThat(ticks).as("%s for [%s, %s]", range, a, b).isBetween(1.0 - 1e-9, 2.0 * AxisRange.TICKS + 2);
      assertThat(range.lower() / range.tick()).isCloseTo(Math.rint(range.lower() / range.tick()), within(1e-6));
    }
  }

  @Test
  void aGrowingCurveChangesItsRangeOnlyNowAndThen() {
    // an epoch clock running from 0 to 10 in 2,000 redraws, and a loss falling from 550 towards 300
    Set<AxisRange> xs = new HashSet<>();
    Set<AxisRange> ys = new HashSet<>();
    double lossMin = 550;
    for (int i = 1; i <= 2000; i++) {
      double epoch = i / 200.0;
      lossMin = Math.min(lossMin, 300 + 250 * Math.exp(-epoch));
      xs.add(AxisRange.around(0, epoch));
      ys.add(AxisRange.around(lossMin, 550));
    }
    assertThat(xs.size()).as("x ranges over 2,000 redraws").isLessThan(40);
    assertThat(ys.size()).as("y ranges over 2,000 redraws").isLessThan(40);
  }

  @Test
  void oneValueGetsARangeAroundIt() {
    for (double v : new double[] {0, 87.5, -3, 1e-7}) {
      AxisRange r = AxisRange.around(v, v);
      assertThat(r.lower()).as("%s for %s", r, v).isLessThan(v);
      assertThat(r.upper()).as("%s for %s", r, v).isGreaterThan(v);
    }
    assertThatThrownBy(() -> AxisRange.around(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AxisRange.around(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
