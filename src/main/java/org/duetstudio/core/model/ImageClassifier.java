package org.duetstudio.core.model;

import java.util.List;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;

/** A discriminative model: learns p(class | image) and answers with class probabilities. */
public interface ImageClassifier extends Trainable {
  /** What users see, e.g. "CNN (LeNet-like)". */
  String name();

  /** The image shape it reads. */
  ImageShape shape();

  List<String> classNames();

  /** One row of class probabilities per image (rows sum to 1). Safe to call between training steps. */
  float[][] predictProbabilities(ImageDataset images);
}
