package org.duetstudio.core.eval;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * Which {@link EigenSolver} the judge uses: the first one registered as a service (the deep-learning
 * back-end registers LAPACK's) that answers a small check, else the studio's own Jacobi.
 */
public final class EigenSolvers {
  private static final EigenSolver JACOBI = new SymmetricEigen();

  private EigenSolvers() {}

  /** The cyclic Jacobi: slow on large matrices, exact to rounding; the others' oracle. */
  public static EigenSolver jacobi() {
    return JACOBI;
  }

  /** The registered solver, found once; the Jacobi when there is none or it fails its check. */
  public static EigenSolver preferred() {
    return Found.SOLVER;
  }

  /** Found on first use (loading a back-end's solver may load its native library). */
  private static final class Found {
    static final EigenSolver SOLVER = find();

    private static EigenSolver find() {
      for (ServiceLoader.Provider<EigenSolver> p : ServiceLoader.load(EigenSolver.class).stream().toList()) {
        try {
          EigenSolver s = p.get();
          // [[2, 1], [1, 2]] has eigenvalues 1 and 3
          double[] v = s.eigenvalues(new double[][] {{2, 1}, {1, 2}});
          if (v.length == 2 && Math.abs(Math.min(v[0], v[1]) - 1) < 1e-9 && Math.abs(Math.max(v[0], v[1]) - 3) < 1e-9) {
            return s;
          }
          LoggerFactory.getLogger(EigenSolvers.class).warn("{} failed its check; using the Jacobi", p.type());
        } catch (RuntimeException | LinkageError e) {
          LoggerFactory.getLogger(EigenSolvers.class)
              .warn("{} is not available ({}); using the Jacobi", p.type().getSimpleName(), e.toString());
        }
      }
      return JACOBI;
    }
  }
}
