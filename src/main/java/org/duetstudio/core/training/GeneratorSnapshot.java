package org.duetstudio.core.training;

import java.util.ArrayList;
import java.util.List;
import org.duetstudio.core.data.ImageShape;

/**
 * What a generator looks like after an epoch, computed on the training thread (where the model may be
 * touched) and handed to views as an immutable value: test images beside their reconstructions, and —
 * when the latent space is 2-D — where test images land in it and a grid of images decoded across it.
 *
 * @param originals test images (pixel rows)
 * @param reconstructions the same images passed through the model, in the same order
 * @param latentPoints 2-D codes of test images, {x, y} each; empty unless the latent space is 2-D
 * @param latentLabels the true class of each latent point
 * @param classNames class names, index = label
 * @param manifold images decoded on a {@code manifoldSide × manifoldSide} grid over the latent plane, row
 *     by row from the top (largest y) ; empty unless 2-D
 * @param manifoldSide images per side of the manifold grid (0 when none)
 * @param manifoldExtent the grid spans [-extent, extent] on both axes
 */
public record GeneratorSnapshot(
    ImageShape shape,
    List<float[]> originals,
    List<float[]> reconstructions,
    List<float[]> latentPoints,
    int[] latentLabels,
    List<String> classNames,
    List<float[]> manifold,
    int manifoldSide,
    double manifoldExtent) {
  public GeneratorSnapshot {
    originals = copy(originals);
    reconstructions = copy(reconstructions);
    latentPoints = copy(latentPoints);
    latentLabels = latentLabels.clone();
    classNames = List.copyOf(classNames);
    manifold = copy(manifold);
    if (originals.size() != reconstructions.size()) {
      throw new IllegalArgumentException("each original needs its reconstruction");
    }
    if (latentPoints.size() != latentLabels.length) {
      throw new IllegalArgumentException("each latent point needs its label");
    }
  }

  @Override
  public int[] latentLabels() {
    return latentLabels.clone();
  }

  public boolean hasLatentMap() {
    return !latentPoints.isEmpty();
  }

  private static List<float[]> copy(List<float[]> rows) {
    List<float[]> c = new ArrayList<>(rows.size());
    for (float[] r : rows) {
      c.add(r.clone());
    }
    return List.copyOf(c);
  }
}
