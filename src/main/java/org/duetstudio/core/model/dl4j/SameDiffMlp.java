package org.duetstudio.core.model.dl4j;

import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A multilayer perceptron: dense 256 (ReLU) → dense 128 (ReLU) → softmax. Every pixel connects to every
 * hidden unit, so it learns non-linear combinations of pixels — more than logistic regression — but it
 * has no notion of neighbouring pixels, which the CNN's filters exploit.
 */
public final class SameDiffMlp extends SameDiffClassifier {
  static final int HIDDEN1 = 256;
  static final int HIDDEN2 = 128;

  public SameDiffMlp(ClassifierSpec spec, ImageShape shape, List<String> classNames) {
    super(spec, shape, classNames);
    build();
  }

  @Override
  protected Body body(SDVariable input) {
    SameDiff sd = graph.sd();
    SDVariable h = sd.nn().relu(graph.dense("hidden1", input, shape.length(), HIDDEN1), 0);
    SDVariable features = sd.nn().relu(graph.dense("hidden2", h, HIDDEN1, HIDDEN2), 0);
    return new Body(
        features, HIDDEN2, List.of(sd.getVariable("hidden1_W"), sd.getVariable("hidden2_W")));
  }

  @Override
  public String name() {
    return "MLP (256-128)";
  }
}
