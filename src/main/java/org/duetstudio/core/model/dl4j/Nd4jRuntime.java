package org.duetstudio.core.model.dl4j;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J's native back-end once, off the caller's hot path, and says which one it is.
 *
 * <p>Thread settings matter more than anything else on small machines: OpenMP threads that spin-wait
 * made training 2–3× slower on 2 cores (measured here). They can only be set in the environment before the
 * JVM starts, so the project's run and test commands set {@code OMP_WAIT_POLICY=PASSIVE}; this class
 * warns when they are missing.
 */
public final class Nd4jRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
  private static volatile String description;

  private Nd4jRuntime() {}

  /**
   * SameDiff 1.0.0-M2.1 prints "Added differentiated op ..." to standard output for every op of every
   * graph it differentiates (a left-over debug print, not a log call). Drop exactly those lines so the
   * command line's progress stays readable; everything else passes through.
   */
  private static void silenceGradientChatter() {
    PrintStream original = System.out;
    System.setOut(
        new PrintStream(original, true, StandardCharsets.UTF_8) {
          @Override
          public void println(String x) {
            if (x == null || !x.startsWith("Added differentiated op")) {
              super.println(x);
            }
          }
        });
  }

  /** Loads the back-end (seconds the first time in a process, then free) and returns its description. */
  public static synchronized String ensureLoaded() {
    if (description == null) {
      Map<String, String> env = System.getenv();
      if (!"PASSIVE".equalsIgnoreCase(env.getOrDefault("OMP_WAIT_POLICY", ""))) {
        LOG.warn(
            "OMP_WAIT_POLICY is not PASSIVE: ND4J's threads will spin and training may run 2-3x"
                + " slower. Start the studio with the README's command, which sets it.");
      }
      silenceGradientChatter();
      Nd4j.create(1); // forces the native library to load
      description =
          Nd4j.getBackend().getClass().getSimpleName()
              + ", "
              + Nd4j.getEnvironment().maxThreads()
              + " threads, OMP_WAIT_POLICY="
              + env.getOrDefault("OMP_WAIT_POLICY", "(unset)");
    }
    return description;
  }
}
