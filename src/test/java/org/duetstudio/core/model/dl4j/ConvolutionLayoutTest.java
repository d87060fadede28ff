package org.duetstudio.core.model.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layouts and paddings chosen for speed compute the functions the models were defined (and saved) as:
 * the CNN's channels-last, pool-before-ReLU graph against the plain channels-first LeNet with the same
 * weights; the DCGAN's explicitly padded transposed convolution, its bias added by an op of its own,
 * against "same" mode with the bias inside; its leaky ReLU against libnd4j's; and the GANs' discriminator
 * step, which scores real and generated images as one batch, against each image scored alone.
 */
class ConvolutionLayoutTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");

  @ParameterizedTest(name = "{0}x{1}x{2}")
  @CsvSource({"28, 28, 1", "20, 20, 3", "12, 12, 1"})
  void theCnnComputesTheChannelsFirstLeNetItWasSavedAs(int width, int height, int channels) {
    ImageShape shape = new ImageShape(width, height, channels);
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(1);
    ImageDataset images = randomImages(shape, 40, 5);
    SameDiffCnn cnn = new SameDiffCnn(spec, shape, CLASSES);
    // a little training, so that the weights are not their symmetric initial values
    var trainer = cnn.trainer(images);
    trainer.startEpoch(1);
    trainer.step();
    float[][] probs = cnn.predictProbabilities(images);
    float[][] reference = channelsFirstLeNet(cnn.state(), shape, images);
    double worst = 0;
    for (int i = 0; i < probs.length; i++) {
      for (int k = 0; k < CLASSES.size(); k++) {
        worst = Math.max(worst, Math.abs(probs[i][k] - reference[i][k]));
      }
    }
    assertTrue(worst < 1e-5, "largest difference in a probability: " + worst);
    cnn.close();
  }

  @Test
  void theGeneratorsUpsamplingIsTheSameModeTransposedConvolutionWithItsBias() {
    Nd4j.getRandom().setSeed(7);
    for (int side : new int[] {7, 14}) {
      INDArray in = Nd4j.randn(DataType.FLOAT, 8, 16, side, side);
      INDArray w = Nd4j.randn(DataType.FLOAT, 4, 4, 8, 16).muli(0.1);
      INDArray b = Nd4j.randn(DataType.FLOAT, 8);
      DeConv2DConfig sameMode =
          DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).isSameMode(true).dataFormat("NCHW").build();
      Map<String, INDArray> same = transposed((sd, x, wv, bv) -> sd.cnn().deconv2d(x, wv, bv, sameMode), w, b, in);
      Map<String, INDArray> padded = transposed(GanNets.Convolutional::up, w, b, in);
      for (String k : List.of("y", "w", "x", "b")) {
        assertArrayEquals(same.get(k).shape(), padded.get(k).shape(), k);
        double scale = same.get(k).amaxNumber().doubleValue();
        double diff = same.get(k).sub(padded.get(k)).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5 * scale, k + " at " + side + "x" + side + ": " + diff + " of " + scale);
      }
      assertEquals(2L * side, padded.get("y").size(2));
    }
  }

  @Test
  void theDcganLeakyReluIsLibnd4jsWithItsGradient() {
    Nd4j.getRandom().setSeed(11);
    INDArray in = Nd4j.randn(DataType.FLOAT, 4, 8, 6, 6);
    Map<String, INDArray> ours = activation(true, in);
    Map<String, INDArray> theirs = activation(false, in);
    for (String k : List.of("y", "x")) {
      double diff = ours.get(k).sub(theirs.get(k)).amaxNumber().doubleValue();
      assertTrue(diff < 1e-6, k + ": " + diff);
    }
    assertTrue(ours.get("y").minNumber().doubleValue() < 0, "negative inputs give small negative outputs");
  }

  private static Map<String, INDArray> activation(boolean ours, INDArray in) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.var("x", in.dup());
    SDVariable y = (ours ? GanNets.Convolutional.leaky(sd, x, SameDiffGan.LEAK) : sd.nn().leakyRelu(x, SameDiffGan.LEAK))
        .rename("y");
    y.mul(y).sum().rename("loss");
    sd.setLossVariables("loss");
    Map<String, INDArray> out = new HashMap<>(sd.output(Map.of(), "y"));
    out.putAll(sd.calculateGradients(Map.of(), "x"));
    return out;
  }

  /** A layer of input, weights and bias. */
  private interface Layer {
    SDVariable apply(SameDiff sd, SDVariable x, SDVariable w, SDVariable b);
  }

  /** A transposed convolution's output and the gradients of the mean square of it. */
  private static Map<String, INDArray> transposed(Layer layer, INDArray w0, INDArray b0, INDArray in) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, in.size(1), in.size(2), in.size(3));
    SDVariable y = layer.apply(sd, x, sd.var("w", w0.dup()), sd.var("b", b0.dup())).rename("y");
    y.mul(y).mean().rename("loss");
    sd.setLossVariables("loss");
    Map<String, INDArray> out = new HashMap<>(sd.output(Map.of("x", in), "y"));
    out.putAll(sd.calculateGradients(Map.of("x", in), "w", "x", "b"));
    return out;
  }

  /**
   * The discriminator's loss and mean scores for a batch, real and generated images fed through it
   * together, are those of each image scored on its own (fed as both halves): the halves are not mixed
   * or swapped, and the loss is the mean cross-entropy of each half (target 0.9 for real, 0 for
   * generated) summed.
   */
  @ParameterizedTest(name = "{0}, conditional {1}")
  @CsvSource({"DCGAN, true", "DCGAN, false", "GAN, true"})
  void theDiscriminatorScoresABatchAsEachImageAlone(GeneratorKind kind, boolean conditional) {
    ImageShape shape = new ImageShape(12, 12, 1);
    int n = 6;
    ImageDataset real = randomImages(shape, n, 11);
    ImageDataset fake = randomImages(shape, n, 12);
    int[] realLabels = {0, 1, 2, 0, 1, 2};
    int[] fakeLabels = {2, 2, 0, 1, 0, 1};
    GeneratorSpec spec = GeneratorSpec.defaults(kind).withConditional(conditional);
    SameDiffGan gan = conditional ? new SameDiffGan.Conditional(spec, shape, CLASSES) : new SameDiffGan(spec, shape, CLASSES);
    try {
      SameDiffGraph disc = gan.discriminatorGraph();
      double[] realLogits = new double[n];
      double[] fakeLogits = new double[n];
      for (int i = 0; i < n; i++) {
        // each image alone, fed as both halves, so its score does not depend on which half is which
        int[] one = {i};
        realLogits[i] = logit(scores(disc, real, one, real, one, realLabels, realLabels, conditional).get(SameDiffGan.D_REAL));
        fakeLogits[i] = logit(scores(disc, fake, one, fake, one, fakeLabels, fakeLabels, conditional).get(SameDiffGan.D_FAKE));
      }
      int[] all = Batches.range(0, n);
      Map<String, Double> batch = scores(disc, real, all, fake, all, realLabels, fakeLabels, conditional);
      double meanReal = 0;
      double meanFake = 0;
      double loss = 0;
      for (int i = 0; i < n; i++) {
        meanReal += sigmoid(realLogits[i]) / n;
        meanFake += sigmoid(fakeLogits[i]) / n;
        loss += (softplus(realLogits[i]) - 0.9 * realLogits[i] + softplus(fakeLogits[i])) / n;
      }
      assertEquals(meanReal, batch.get(SameDiffGan.D_REAL), 1e-5);
      assertEquals(meanFake, batch.get(SameDiffGan.D_FAKE), 1e-5);
      assertEquals(loss, batch.get(SameDiffGan.D_LOSS), 1e-4);
      double spread = 0;
      for (int i = 0; i < n; i++) {
        spread = Math.max(spread, Math.abs(realLogits[i] - fakeLogits[i]));
      }
      assertTrue(spread > 1e-3, "the discriminator told the images apart: " + spread);
    } finally {
      gan.close();
    }
  }

  private static Map<String, Double> scores(
      SameDiffGraph disc, ImageDataset real, int[] realIdx, ImageDataset fake, int[] fakeIdx,
      int[] realLabels, int[] fakeLabels, boolean conditional) {
    Map<String, INDArray> in = new HashMap<>();
    in.put(SameDiffGan.REAL, Batches.features(real, realIdx).muli(2).subi(1));
    in.put(SameDiffGan.FAKE_IN, Batches.features(fake, fakeIdx).muli(2).subi(1));
    if (conditional) {
      in.put(SameDiffGan.REAL_Y, oneHot(realLabels, realIdx));
      in.put(SameDiffGan.FAKE_Y, oneHot(fakeLabels, fakeIdx));
    }
    return disc.scalars(in, SameDiffGan.D_LOSS, SameDiffGan.D_REAL, SameDiffGan.D_FAKE);
  }

  private static INDArray oneHot(int[] labels, int[] idx) {
    float[][] rows = new float[idx.length][CLASSES.size()];
    for (int i = 0; i < idx.length; i++) {
      rows[i][labels[idx[i]]] = 1;
    }
    return Nd4j.create(rows);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  /** conv 5×5×20 → ReLU → pool → conv 5×5×50 → ReLU → pool → dense 500 → ReLU → softmax, all NCHW. */
  private static float[][] channelsFirstLeNet(ModelState state, ImageShape shape, ImageDataset images) {
    SameDiff sd = SameDiff.create();
    int c = shape.channels();
    int h = shape.height();
    int w = shape.width();
    PaddingMode padding = Math.min(w, h) >= 16 ? PaddingMode.VALID : PaddingMode.SAME;
    int shrink = padding == PaddingMode.VALID ? 4 : 0;
    Conv2DConfig conv =
        Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).paddingMode(padding).dataFormat("NCHW").build();
    Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();
    SDVariable x = sd.placeHolder("in", DataType.FLOAT, -1, shape.length()).reshape(-1, c, h, w);
    x = sd.cnn().maxPooling2d(sd.nn().relu(sd.cnn().conv2d(x, var(sd, state, "conv1_W", 5, 5, c, 20),
        var(sd, state, "conv1_b", 20), conv), 0), pool);
    x = sd.cnn().maxPooling2d(sd.nn().relu(sd.cnn().conv2d(x, var(sd, state, "conv2_W", 5, 5, 20, 50),
        var(sd, state, "conv2_b", 50), conv), 0), pool);
    long flat = 50L * ((h - shrink) / 2 - shrink) / 2 * (((w - shrink) / 2 - shrink) / 2);
    SDVariable f = sd.nn().relu(x.reshape(-1, flat).mmul(var(sd, state, "dense_W", flat, 500))
        .add(var(sd, state, "dense_b", 500)), 0);
    SDVariable logits = f.mmul(var(sd, state, "out_W", 500, CLASSES.size())).add(var(sd, state, "out_b", CLASSES.size()));
    SDVariable probs = sd.nn().softmax("p", logits, -1);
    INDArray in = Batches.features(images, Batches.range(0, images.size()));
    return Batches.rows(sd.output(Map.of("in", in), probs.name()).get(probs.name()));
  }

  private static SDVariable var(SameDiff sd, ModelState state, String name, long... shape) {
    double[] d = state.array(name);
    float[] f = new float[d.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) d[i];
    }
    return sd.var(name, Nd4j.create(f, shape, 'c'));
  }

  private static ImageDataset randomImages(ImageShape shape, int n, long seed) {
    Random rng = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      float[] r = new float[shape.length()];
      for (int j = 0; j < r.length; j++) {
        r[j] = rng.nextFloat();
      }
      rows.add(r);
      labels[i] = i % CLASSES.size();
    }
    return new ImageDataset("random", shape, rows.toArray(float[][]::new), labels, CLASSES);
  }
}
