package org.duetstudio.core.model.dl4j;

import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * A LeNet-like convolutional network: conv 5×5×20 → max-pool 2 → ReLU → conv 5×5×50 → max-pool 2 → ReLU →
 * dense 500 (ReLU) → softmax.
 *
 * <p>Convolutions slide small learned filters over the image, so the network learns edges and parts
 * wherever they are, then combines them. Images smaller than 16 pixels use "same" padding so that the
 * feature maps do not vanish.
 */
public final class SameDiffCnn extends SameDiffClassifier {
  static final String PATCHES = "patches";

  public SameDiffCnn(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    if (Math.min(shape.width(), shape.height()) < 4) {
      throw new IllegalArgumentException(
          "images of " + shape + " are too small for the CNN (at least 4x4 pixels)");
    }
    build();
  }

  @Override
  protected Body body(SDVariable input) {
    SameDiff sd = graph.sd();
    int c = shape.channels();
    int h = shape.height();
    int w = shape.width();
    PaddingMode padding = Math.min(w, h) >= 16 ? PaddingMode.VALID : PaddingMode.SAME;
    int shrink = padding == PaddingMode.VALID ? 4 : 0;
    Conv2DConfig conv =
        Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).paddingMode(padding).dataFormat("NHWC").build();
    Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(true).build();

    // channels last inside (rows are channel-major): oneDNN's convolution and pooling kernels work on it
    // without reordering every tensor they see
    SDVariable w1 = graph.weight("conv1_W", 25L * c, 25L * 20, 5, 5, c, 20);
    SDVariable x;
    if (patchesFed()) {
      // The first convolution as patches × weights. Its input is the image, whose gradient nobody needs,
      // but libnd4j's convolution gradient always computes it — and for one input channel oneDNN's kernel
      // for it was the slowest in the step (8 ms of about 40). Patches are fed, not differentiated (see
      // Batches.patches); the matrix product's gradient is a fast GEMM.
      SDVariable p = sd.placeHolder(PATCHES, DataType.FLOAT, 25L * c, -1);
      SDVariable kernel = w1.permute(2, 0, 1, 3).reshape(25L * c, 20);
      x = sd.mmul(p, kernel, true, false, false).reshape(-1, h - shrink, w - shrink, 20);
      // max-pooling before each ReLU: the same function and gradient (both keep order), on a quarter of
      // the values; and the bias after the pooling, for the same reason (a channel's maximum plus its
      // bias is the maximum of the biased values): its gradient is a sum over every position
      x = sd.nn().relu(sd.cnn().maxPooling2d(x, pool).add(graph.bias("conv1_b", 20)), 0);
    } else {
      x = c == 1 ? input.reshape(-1, h, w, 1) : input.reshape(-1, c, h, w).permute(0, 2, 3, 1);
      x = sd.nn().relu(sd.cnn().maxPooling2d(sd.cnn().conv2d(x, w1, graph.bias("conv1_b", 20), conv), pool), 0);
    }
    h = (h - shrink) / 2;
    w = (w - shrink) / 2;
    SDVariable w2 = graph.weight("conv2_W", 25L * 20, 25L * 50, 5, 5, 20, 50);
    x = sd.nn().relu(sd.cnn().maxPooling2d(sd.cnn().conv2d(x, w2, graph.bias("conv2_b", 50), conv), pool), 0);
    h = (h - shrink) / 2;
    w = (w - shrink) / 2;
    long flat = 50L * h * w;
    // flattened channel-major, as before, so that saved networks keep their meaning
    x = x.permute(0, 3, 1, 2);
    SDVariable features = sd.nn().relu(graph.dense("dense", x.reshape(-1, flat), flat, 500), 0);
    return new Body(features, 500, List.of(w1, w2, sd.getVariable("dense_W")));
  }

  /** Valid convolutions (images of 16 pixels and more) take their first layer's patches cut in Java. */
  private boolean patchesFed() {
    return Math.min(shape.width(), shape.height()) >= 16;
  }

  /** The placeholder the images are fed to (for the benchmark's bare loop). */
  String fedInput() {
    return patchesFed() ? PATCHES : INPUT;
  }

  @Override
  protected Map<String, INDArray> feed(ImageDataset images, int[] idx) {
    return patchesFed() ? Map.of(PATCHES, Batches.patches(images, idx, 5, null)) : super.feed(images, idx);
  }

  /** Training writes each batch's patches into the same native array. */
  @Override
  protected Map<String, INDArray> trainingFeed(ImageDataset images, int[] idx) {
    if (!patchesFed()) {
      return super.trainingFeed(images, idx);
    }
    return Map.of(PATCHES, Batches.patches(images, idx, 5, values -> graph.feedBuffer(PATCHES, values)));
  }

  @Override
  public String name() {
    return "CNN (LeNet-like)";
  }
}
