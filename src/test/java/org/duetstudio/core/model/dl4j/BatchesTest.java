package org.duetstudio.core.model.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Im2col;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/** The CNN's patches cut in Java against libnd4j's {@code im2col}, the oracle, with and without reuse. */
class BatchesTest {

  @ParameterizedTest(name = "{0}x{1}x{2}")
  @CsvSource({"28, 28, 1", "20, 17, 3"})
  void patchesAreIm2colsColumnsAndAReusedArrayHoldsTheSame(int width, int height, int channels) {
    Nd4jRuntime.ensureLoaded();
    ImageShape shape = new ImageShape(width, height, channels);
    ImageDataset data = randomImages(shape, 9);
    int[] batch = {4, 0, 7, 7, 2};
    INDArray expected = im2col(data, batch);

    INDArray fresh = Batches.patches(data, batch, 5, null);
    assertArrayEquals(expected.shape(), fresh.shape());
    assertArrayEquals(expected.data().asFloat(), fresh.dup('c').data().asFloat(), 0f);

    INDArray buffer = Nd4j.zeros(DataType.FLOAT, expected.length() + 100);
    INDArray reused = Batches.patches(data, batch, 5, n -> buffer);
    assertArrayEquals(expected.data().asFloat(), reused.dup('c').data().asFloat(), 0f);
    int[] smaller = {8, 1};
    INDArray second = Batches.patches(data, smaller, 5, n -> buffer);
    assertArrayEquals(im2col(data, smaller).data().asFloat(), second.dup('c').data().asFloat(), 0f);
    assertSame(buffer.data(), second.data().underlyingDataBuffer(), "written into the given array");
    assertFalse(second.closeable(), "a view, which the training step's closing of its placeholders leaves open");
  }

  /** libnd4j's patches of the batch ([n, c, 5, 5, oh, ow]) as [c·5·5, n·oh·ow]. */
  private static INDArray im2col(ImageDataset data, int[] idx) {
    ImageShape s = data.shape();
    INDArray images = Batches.features(data, idx).reshape(idx.length, s.channels(), s.height(), s.width());
    Conv2DConfig conf =
        Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    INDArray cols = Nd4j.exec(new Im2col(images, conf))[0];
    long oh = s.height() - 4;
    long ow = s.width() - 4;
    return cols.permute(1, 2, 3, 0, 4, 5).dup('c').reshape(25L * s.channels(), idx.length * oh * ow);
  }

  private static ImageDataset randomImages(ImageShape shape, int n) {
    Random rng = new Random(3);
    float[][] rows = new float[n][shape.length()];
    for (float[] r : rows) {
      for (int j = 0; j < r.length; j++) {
        r[j] = rng.nextFloat();
      }
    }
    return new ImageDataset("random", shape, rows, new int[n], List.of("a"));
  }
}
