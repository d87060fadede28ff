package org.duetstudio.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Flow matching along straight lines (rectified flow), the arithmetic without a network: a training
 * point on the line from an image x (t = 0) to noise ε (t = 1), the velocity a network learns there, the
 * classifier-free guidance of two velocities, and the Euler sampler that walks from noise back to an
 * image given any velocity field.
 */
public final class FlowMatching {
  private FlowMatching() {}

  /** A velocity field: the velocity at {@code x} (rows) and time {@code t}. */
  @FunctionalInterface
  public interface Field {
    float[][] velocity(float[][] x, double t);
  }

  /** x_t = (1 − t)·x + t·ε. */
  public static float point(float x, float eps, float t) {
    return (1 - t) * x + t * eps;
  }

  /** The velocity along the line, d x_t / dt = ε − x. */
  public static float velocity(float x, float eps) {
    return eps - x;
  }

  /** Classifier-free guidance: v_u + w·(v_c − v_u), element by element. */
  public static float[] guided(float[] unconditional, float[] conditional, double w) {
    float[] g = new float[unconditional.length];
    float wf = (float) w;
    for (int j = 0; j < g.length; j++) {
      g[j] = unconditional[j] + wf * (conditional[j] - unconditional[j]);
    }
    return g;
  }

  /**
   * Walks {@code noise} from t = 1 to t = 0 in {@code steps} Euler steps x ← x − Δt·v(x, t) and returns
   * the state after every {@code every}-th step — the noise first and the last step always last — or,
   * with {@code every} = 0, the last state only. {@code noise} is not changed.
   */
  public static List<float[][]> sample(float[][] noise, int steps, int every, Field field) {
    if (steps < 1) {
      throw new IllegalArgumentException("sampling needs at least one step");
    }
    float[][] x = copy(noise);
    List<float[][]> out = new ArrayList<>();
    if (every > 0) {
      out.add(copy(x));
    }
    float dt = (float) (1.0 / steps);
    for (int s = 0; s < steps; s++) {
      double t = 1.0 - s / (double) steps;
      float[][] v = field.velocity(x, t);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[i].length; j++) {
          x[i][j] -= dt * v[i][j];
        }
      }
      if (every > 0 && ((s + 1) % every == 0 || s == steps - 1)) {
        out.add(copy(x));
      }
    }
    if (every == 0) {
      out.add(x);
    }
    return out;
  }

  private static float[][] copy(float[][] x) {
    float[][] c = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }
}
