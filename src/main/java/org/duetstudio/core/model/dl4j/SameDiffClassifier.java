package org.duetstudio.core.model.dl4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.BaseClassifier;
import org.duetstudio.core.model.FeatureExtractor;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A neural classifier as a SameDiff graph: a body of the subclass's choosing maps the image to a feature
 * vector; a dense layer and softmax map features to class probabilities; training minimises softmax
 * cross-entropy (plus an L2 penalty on the body's weights) with Adam.
 */
abstract class SameDiffClassifier extends BaseClassifier implements Persistent, FeatureExtractor {
  static final String INPUT = "input";
  static final String LABEL = "label";
  static final String PROBS = "probs";
  static final String FEATURES = "features";
  static final String LOSS = "loss";

  /** What a body produces: the feature layer, its width, and the weights the L2 penalty applies to. */
  record Body(SDVariable features, long width, List<SDVariable> weights) {}

  protected final SameDiffGraph graph = new SameDiffGraph();

  SameDiffClassifier(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
  }

  /** Builds the graph; subclasses call it at the end of their constructor. */
  protected final void build() {
    Nd4jRuntime.ensureLoaded();
    Nd4j.getRandom().setSeed(spec.seed());
    SameDiff sd = graph.sd();
    int k = classNames.size();
    SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, shape.length());
    SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, k);
    Body body = body(in);
    SDVariable features = sd.identity(FEATURES, body.features());
    SDVariable logits = graph.dense("out", features, body.width(), k);
    sd.nn().softmax(PROBS, logits, -1);
    SDVariable loss = sd.loss().softmaxCrossEntropy("xent", label, logits, null);
    if (spec.l2() > 0) {
      SDVariable penalty = null;
      for (SDVariable w : body.weights()) {
        SDVariable sq = sd.math().square(w).sum();
        penalty = penalty == null ? sq : penalty.add(sq);
      }
      if (penalty != null) {
        loss = loss.add(penalty.mul(spec.l2()));
      }
    }
    loss.rename(LOSS);
    sd.setLossVariables(LOSS);
    graph.initTraining(spec.learningRate());
  }

  /** The layers between the flat input row and the feature vector. */
  protected abstract Body body(SDVariable input);

  /**
   * What the graph is fed for the images at {@code idx}: their rows as {@link #INPUT}, unless a network
   * takes them in another form (the CNN takes image patches).
   */
  protected Map<String, INDArray> feed(ImageDataset images, int[] idx) {
    return Map.of(INPUT, Batches.features(images, idx));
  }

  @Override
  public float[][] predictProbabilities(ImageDataset images) {
    return graph.outputRows(images.size(), (from, to) -> feed(images, Batches.range(from, to)), PROBS);
  }

  /** The activations before the output layer: what the network has learned to see. */
  @Override
  public float[][] features(ImageDataset images) {
    return graph.outputRows(images.size(), (from, to) -> feed(images, Batches.range(from, to)), FEATURES);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    return graph.trainer(
        train,
        spec.batchSize(),
        spec.seed(),
        (idx, epoch) -> labelled(train, idx),
        List.of(LOSS));
  }

  /**
   * The feed of a training batch: {@link #feed}'s unless a network reuses its arrays from batch to batch
   * (through {@link SameDiffGraph#feedBuffer}, on the training thread only).
   */
  protected Map<String, INDArray> trainingFeed(ImageDataset images, int[] idx) {
    return feed(images, idx);
  }

  /** The training feed of the images at {@code idx} with their one-hot labels. */
  Map<String, INDArray> labelled(ImageDataset images, int[] idx) {
    Map<String, INDArray> in = new HashMap<>(trainingFeed(images, idx));
    in.put(LABEL, Batches.oneHot(images, idx));
    return in;
  }

  /** The graph, for the benchmark's bare-loop comparison. */
  SameDiff sameDiff() {
    return graph.sd();
  }

  /** Frees the graph's native arrays; the model cannot be used after it. */
  @Override
  public void close() {
    graph.close();
  }

  @Override
  public ModelState state() {
    return graph.state();
  }

  @Override
  public void restore(ModelState state) {
    graph.loadFrom("", state);
  }

  @Override
  public ModelState checkpoint() {
    return graph.checkpoint();
  }

  @Override
  public void resume(ModelState checkpoint) {
    graph.loadTrainingFrom("", checkpoint);
  }
}
