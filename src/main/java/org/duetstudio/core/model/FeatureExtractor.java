package org.duetstudio.core.model;

import org.duetstudio.core.data.ImageDataset;

/** A model with an internal representation of images: the activations before its output layer. */
public interface FeatureExtractor {
  /** One feature vector per image. */
  float[][] features(ImageDataset images);
}
