package org.duetstudio.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.duetstudio.core.eval.EigenSolver;
import org.duetstudio.core.eval.EigenSolvers;
import org.duetstudio.core.eval.FrechetDistance;
import org.duetstudio.core.judge.JudgeSettings;

/**
 * The judge's own cost in its Fréchet distances: one judgement computes two (generated against real
 * images, and the real images' two halves), each with two eigen-decompositions of a 500×500 covariance
 * (the CNN's 500 features) — the Jacobi against LAPACK, on random ReLU features of the judge's sizes
 * ({@value JudgeSettings#REAL_IMAGES} real, {@value JudgeSettings#SAMPLES} generated). Prints seconds per
 * judgement for each and how far their distances differ.
 */
final class JudgeBench {
  static final int FEATURES = 500;

  private JudgeBench() {}

  /** Times {@code repeats} judgements' Fréchet distances with each solver and prints the figures. */
  static void print(PrintStream out, int repeats) {
    float[][] real = features(JudgeSettings.REAL_IMAGES, 0.3, 1);
    float[][] fake = features(JudgeSettings.SAMPLES, 0.1, 2);
    float[][] even = new float[(real.length + 1) / 2][];
    float[][] odd = new float[real.length / 2][];
    for (int i = 0; i < real.length; i++) {
      (i % 2 == 0 ? even : odd)[i / 2] = real[i];
    }
    EigenSolver preferred = EigenSolvers.preferred();
    out.printf(
        Locale.ROOT,
        "judge's Fréchet distances: %d features, %d real and %d generated images; 2 distances = 4"
            + " eigen-decompositions of %d×%d per judgement%n",
        FEATURES, real.length, fake.length, FEATURES, FEATURES);
    double[] jacobi = time(out, "Jacobi (the oracle)", EigenSolvers.jacobi(), real, fake, even, odd, repeats);
    if (preferred == EigenSolvers.jacobi()) {
      out.println("no faster solver registered: the judge uses the Jacobi");
      return;
    }
    double[] fast = time(out, preferred.getClass().getSimpleName(), preferred, real, fake, even, odd, repeats);
    out.printf(
        Locale.ROOT,
        "  %.1f× faster (eigen-decompositions %.0f× faster); distances differ by %.1e and %.1e"
            + " (relative)%n",
        jacobi[0] / fast[0],
        jacobi[3] / fast[3],
        Math.abs(fast[1] - jacobi[1]) / jacobi[1],
        Math.abs(fast[2] - jacobi[2]) / jacobi[2]);
  }

  /** Seconds per judgement (median of {@code repeats}), and the two distances. */
  private static double[] time(
      PrintStream out, String name, EigenSolver s, float[][] real, float[][] fake, float[][] even,
      float[][] odd, int repeats) {
    double[] seconds = new double[repeats];
    double[] eigen = new double[repeats];
    double d = 0;
    double floor = 0;
    for (int r = 0; r < repeats; r++) {
      Timed timed = new Timed(s);
      long t0 = System.nanoTime();
      d = FrechetDistance.between(real, fake, timed);
      floor = FrechetDistance.between(even, odd, timed);
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      eigen[r] = timed.nanos / 1e9;
    }
    Arrays.sort(seconds);
    Arrays.sort(eigen);
    out.printf(
        Locale.ROOT,
        "  %-20s %6.2f s per judgement, of which %5.2f s in its 4 eigen-decompositions (medians of %d):"
            + " distance %.4f, real halves %.4f%n",
        name, seconds[repeats / 2], eigen[repeats / 2], repeats, d, floor);
    return new double[] {seconds[repeats / 2], d, floor, eigen[repeats / 2]};
  }

  /** A solver that counts the time spent in it. */
  private static final class Timed implements EigenSolver {
    private final EigenSolver inner;
    private long nanos;

    Timed(EigenSolver inner) {
      this.inner = inner;
    }

    @Override
    public double[] eigenvalues(double[][] symmetric) {
      long t0 = System.nanoTime();
      double[] v = inner.eigenvalues(symmetric);
      nanos += System.nanoTime() - t0;
      return v;
    }

    @Override
    public Decomposition decompose(double[][] symmetric) {
      long t0 = System.nanoTime();
      Decomposition d = inner.decompose(symmetric);
      nanos += System.nanoTime() - t0;
      return d;
    }
  }

  private static float[][] features(int rows, double shift, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[rows][FEATURES];
    for (float[] row : x) {
      for (int j = 0; j < FEATURES; j++) {
        row[j] = (float) Math.max(0, shift + r.nextGaussian() * (1 + j % 5) * 0.5);
      }
    }
    return x;
  }

  /** {@code java … org.duetstudio.cli.JudgeBench [REPEATS]}: the figures without wiring into bench. */
  public static void main(String[] args) {
    print(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 3);
  }
}
