package org.duetstudio.core.model.dl4j;

import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A LeNet-like convolutional network as a SameDiff graph: conv 5×5×20 → max-pool 2 → conv 5×5×50 →
 * max-pool 2 → dense 500 (ReLU) → softmax, trained with Adam on softmax cross-entropy.
 *
 * <p>Convolutions slide small learned filters over the image, so the network learns edges and parts
 * wherever they are, then combines them. Images smaller than 16 pixels use "same" padding so that the
 * feature maps do not vanish.
 */
public final class SameDiffCnn implements ImageClassifier {
  static final String INPUT = "input";
  static final String LABEL = "label";
  static final String PROBS = "probs";
  static final String FEATURES = "features";
  static final String LOSS = "loss";

  private final ClassifierSpec spec;
  private final ImageShape shape;
  private final List<String> classNames;
  private final SameDiffGraph graph = new SameDiffGraph();

  public SameDiffCnn(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    this.spec = spec;
    this.shape = shape;
    this.classNames = List.copyOf(classNames);
    int minSide = Math.min(shape.width(), shape.height());
    if (minSide < 4) {
      throw new IllegalArgumentException(
          "images of " + shape + " are too small for the CNN (at least 4x4 pixels)");
    }
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    build(minSide >= 16 ? PaddingMode.VALID : PaddingMode.SAME);
    graph.initTraining(spec.learningRate());
  }

  private void build(PaddingMode padding) {
    SameDiff sd = graph.sd();
    int c = shape.channels();
    int h = shape.height();
    int w = shape.width();
    int k = classNames.size();
    SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, shape.length());
    SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, k);
    SDVariable x = in.reshape(-1, c, h, w);
    Conv2DConfig conv =
        Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).paddingMode(padding).dataFormat("NCHW").build();
    Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();
    int shrink = padding == PaddingMode.VALID ? 4 : 0;

    SDVariable w1 = graph.weight("conv1_W", 25L * c, 25L * 20, 5, 5, c, 20);
    x = sd.nn().relu(sd.cnn().conv2d(x, w1, graph.bias("conv1_b", 20), conv), 0);
    x = sd.cnn().maxPooling2d(x, pool);
    h = (h - shrink) / 2;
    w = (w - shrink) / 2;
    SDVariable w2 = graph.weight("conv2_W", 25L * 20, 25L * 50, 5, 5, 20, 50);
    x = sd.nn().relu(sd.cnn().conv2d(x, w2, graph.bias("conv2_b", 50), conv), 0);
    x = sd.cnn().maxPooling2d(x, pool);
    h = (h - shrink) / 2;
    w = (w - shrink) / 2;
    long flat = 50L * h * w;
    x = x.reshape(-1, flat);
    SDVariable features = sd.nn().relu(FEATURES, graph.dense("dense", x, flat, 500), 0);
    SDVariable logits = graph.dense("out", features, 500, k);
    sd.nn().softmax(PROBS, logits, -1);
    SDVariable loss = sd.loss().softmaxCrossEntropy("xent", label, logits, null);
    if (spec.l2() > 0) {
      SDVariable penalty =
          sd.math().square(w1).sum()
              .add(sd.math().square(w2).sum())
              .add(sd.math().square(sd.getVariable("dense_W")).sum())
              .add(sd.math().square(sd.getVariable("out_W")).sum());
      loss = loss.add(penalty.mul(spec.l2()));
    }
    loss.rename(LOSS);
    sd.setLossVariables(LOSS);
  }

  @Override
  public String name() {
    return "CNN (LeNet-like)";
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public float[][] predictProbabilities(ImageDataset images) {
    return run(images, PROBS);
  }

  /** The 500 activations before the output layer: what the network has learned to see. */
  public float[][] features(ImageDataset images) {
    return run(images, FEATURES);
  }

  private float[][] run(ImageDataset images, String output) {
    return graph.outputRows(images, INPUT, output);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    return graph.trainer(
        train,
        spec.batchSize(),
        spec.seed(),
        idx -> Map.of(INPUT, Batches.features(train, idx), LABEL, Batches.oneHot(train, idx)),
        List.of(LOSS));
  }

  /** The graph, for the benchmark's bare-loop comparison. */
  SameDiff sameDiff() {
    return graph.sd();
  }
}
