package org.duetstudio.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Trainer;

/**
 * A "perfect" conditional generator for known-answer tests: asked for class c, it returns a real image
 * of class c (the latent point picks which). With {@code ignoreClass}, it returns any real image: a
 * generator that does not listen.
 */
public final class RealImagesGenerator implements ConditionalGenerator {
  private final ImageDataset pool;
  private final List<List<Integer>> byClass = new ArrayList<>();
  private final boolean ignoreClass;

  public RealImagesGenerator(ImageDataset pool, boolean ignoreClass) {
    this.pool = pool;
    this.ignoreClass = ignoreClass;
    for (int c = 0; c < pool.numClasses(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < pool.size(); i++) {
      byClass.get(pool.label(i)).add(i);
    }
  }

  @Override
  public List<String> classNames() {
    return pool.classNames();
  }

  @Override
  public float[][] decode(float[][] latent, float[][] classWeights) {
    float[][] out = new float[latent.length][];
    for (int i = 0; i < latent.length; i++) {
      int pick = (int) Math.floor(latent[i][0] * 1_000_000);
      if (ignoreClass) {
        out[i] = pool.image(Math.floorMod(pick, pool.size()));
      } else {
        List<Integer> members = byClass.get(LabelFidelity.argmax(classWeights[i]));
        out[i] = pool.image(members.get(Math.floorMod(pick, members.size())));
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "real images";
  }

  @Override
  public ImageShape shape() {
    return pool.shape();
  }

  @Override
  public int latentDim() {
    return 2;
  }

  @Override
  public float[][] samplePrior(int n, long seed) {
    Random r = new Random(seed);
    float[][] z = new float[n][2];
    for (float[] row : z) {
      row[0] = r.nextFloat();
      row[1] = r.nextFloat();
    }
    return z;
  }

  @Override
  public Map<String, Double> evaluateLoss(ImageDataset images, long seed) {
    return Map.of("loss", 0.0);
  }

  @Override
  public Trainer trainer(ImageDataset train) {
    throw new UnsupportedOperationException();
  }
}
