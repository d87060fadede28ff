package org.duetstudio.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Trainer;
import org.junit.jupiter.api.Test;

public class SampleVerdictTest {
  /** Reads the class from the first pixel (0.0 → a, 0.5 → b, 1.0 → c), sure to a given degree. */
  public static ImageClassifier firstPixelClassifier(float sureness) {
    return firstPixelClassifier(sureness, new ImageShape(2, 1, 1));
  }

  public static ImageClassifier firstPixelClassifier(float sureness, ImageShape shape) {
    return new ImageClassifier() {
      @Override
      public String name() {
        return "first pixel";
      }

      @Override
      public ImageShape shape() {
        return shape;
      }

      @Override
      public List<String> classNames() {
        return List.of("a", "b", "c");
      }

      @Override
      public float[][] predictProbabilities(ImageDataset images) {
        float[][] p = new float[images.size()][3];
        for (int i = 0; i < p.length; i++) {
          int c = Math.round(images.image(i)[0] * 2);
          Arrays.fill(p[i], (1 - sureness) / 2);
          p[i][c] = sureness;
        }
        return p;
      }

      @Override
      public Trainer trainer(ImageDataset train) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void countsWhatTheClassifierSeesAndHowSureItIs() {
    List<float[]> samples =
        List.of(new float[] {0, 0}, new float[] {0, 1}, new float[] {1, 0}, new float[] {0.1f, 0});
    SampleVerdict v = SampleVerdict.judge(firstPixelClassifier(0.8f), samples);
    assertThat(v.counts()).containsExactly(3, 0, 1);
    assertThat(v.total()).isEqualTo(4);
    assertThat(v.meanConfidence()).isCloseTo(0.8, Offset.offset(1e-6));
    assertThat(v.missingClasses()).containsExactly("b");
  }

  @Test
  void samplesOfAnotherShapeAreRefused() {
    assertThatThrownBy(
            () -> SampleVerdict.judge(firstPixelClassifier(1), List.of(new float[] {0, 0, 0})))
        .hasMessageContaining("reads 2x1 grey images");
  }
}
