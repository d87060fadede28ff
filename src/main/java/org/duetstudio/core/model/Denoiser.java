package org.duetstudio.core.model;

import java.util.List;

/**
 * A generator that draws an image by walking from noise to a picture in steps (a diffusion or flow
 * model), so the walk itself can be shown and its number of steps and its guidance chosen when drawing.
 */
public interface Denoiser extends ImageGenerator {
  /**
   * The walk from {@code noise} (rows of {@link #latentDim()} values) to images in {@code steps} steps,
   * guided by {@code guidance} towards the classes in {@code classWeights} (one row of class weights per
   * image; null, or an unconditional model: no class). Returns the state after every {@code every}-th
   * step, the noise first and the last step last (with {@code every} = 0: the last only), in the model's
   * own scale; {@link #toImages} turns a state into pixels.
   */
  List<float[][]> path(float[][] noise, float[][] classWeights, double guidance, int steps, int every);

  /** Steps a drawing takes unless told otherwise. */
  int defaultSteps();

  /** Guidance a drawing uses unless told otherwise (0 for an unconditional model). */
  double defaultGuidance();

  /** A state of {@link #path} as pixel rows in [0, 1]. */
  float[][] toImages(float[][] state);
}
