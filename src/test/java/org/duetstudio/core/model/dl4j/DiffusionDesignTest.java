package org.duetstudio.core.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pixel diffusion model's denoiser: the 2×2 folding of pixels into channels puts every pixel where
 * its definition says and unfolds back exactly, and a model saved with the first design (before the
 * folding) is restored in that design and draws as it did.
 */
class DiffusionDesignTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");

  @ParameterizedTest(name = "{0} channels, {1}x{2}")
  @CsvSource({"1, 28, 28", "3, 8, 12"})
  void foldingMovesEachPixelToItsChannelAndBack(int c, int h, int w) {
    Nd4jRuntime.ensureLoaded();
    int n = 2;
    float[] pixels = new float[n * c * h * w];
    Random rng = new Random(5);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = rng.nextFloat();
    }
    SameDiff sd = SameDiff.create();
    SDVariable rows = sd.placeHolder("rows", DataType.FLOAT, -1, (long) c * h * w);
    SDVariable folded = SameDiffDiffusion.fold(rows, c, h, w);
    SDVariable back = SameDiffDiffusion.unfold(folded, c, h, w).reshape(-1, (long) c * h * w);
    INDArray in = Nd4j.create(pixels, new long[] {n, (long) c * h * w}, 'c');
    var out = sd.output(Map.of("rows", in), folded.name(), back.name());
    INDArray f = out.get(folded.name());
    assertThat(f.shape()).containsExactly(n, 4L * c, h / 2, w / 2);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < c; k++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            float pixel = pixels[((i * c + k) * h + y) * w + x];
            assertThat(f.getFloat(i, 4L * k + 2L * (y % 2) + x % 2, y / 2, x / 2))
                .as("image %d channel %d pixel (%d, %d)", i, k, y, x)
                .isEqualTo(pixel);
          }
        }
      }
    }
    assertThat(out.get(back.name()).data().asFloat()).containsExactly(pixels);
  }

  @Test
  void aModelSavedWithTheFirstDesignOpensInIt() {
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.DIFFUSION).withSamplingSteps(3);
    ImageShape shape = new ImageShape(12, 12, 1);
    try (SameDiffDiffusion old = SameDiffDiffusion.firstDesign(spec, shape, CLASSES);
        SameDiffDiffusion fresh = new SameDiffDiffusion.Conditional(spec, shape, CLASSES)) {
      ModelState saved = old.state();
      assertThat(saved.arrays()).doesNotContainKey(SameDiffDiffusion.FOLDED).containsKey("conv0_W");
      assertThat(fresh.state().arrays()).containsKey(SameDiffDiffusion.FOLDED).doesNotContainKey("conv0_W");
      fresh.restore(saved);
      assertThat(fresh.sample(4, 7)).isDeepEqualTo(old.sample(4, 7));
      ModelState again = fresh.state();
      assertThat(again.arrays().keySet()).as("saved again as it was").isEqualTo(saved.arrays().keySet());
      saved.arrays().forEach((name, values) -> assertThat(again.array(name)).as(name).containsExactly(values));
      // and back: a folded model's state turns it into the folded design again
      try (SameDiffDiffusion folded = new SameDiffDiffusion.Conditional(spec, shape, CLASSES)) {
        fresh.resume(folded.checkpoint());
        assertThat(fresh.sample(4, 7)).isDeepEqualTo(folded.sample(4, 7));
      }
    }
  }
}
