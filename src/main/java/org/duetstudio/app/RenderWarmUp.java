package org.duetstudio.app;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Warms the JIT up, while the window is being built, for the memory access that JavaFX's software
 * renderer spends its first frames in. Its rasteriser (Marlin) keeps its edge and alpha buffers off the
 * heap and reads and writes them through {@link MemorySegment} — int and byte values in segments of a
 * confined arena — and until the JIT has compiled that access path, each read runs through the
 * interpreted VarHandle machinery: the window's first frame took about 180 ms to paint in a virtual
 * display, most of it there, and the UI thread waits for it. The same access, run here on a background
 * thread a few hundred thousand times, gets those JDK methods compiled before the first paint; it touches
 * nothing of JavaFX's and costs a few milliseconds of one core.
 */
final class RenderWarmUp {
  private static final int ROUNDS = 40;
  private static final int INTS = 4096;

  private RenderWarmUp() {}

  /** Starts the warm-up on a daemon thread at low priority. */
  static void start() {
    Thread t = new Thread(RenderWarmUp::run, "duet-render-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** The warm-up itself; returns a checksum so that nothing of it is optimised away. */
  static long run() {
    long sum = 0;
    for (int r = 0; r < ROUNDS; r++) {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment s = arena.allocate((long) INTS * Integer.BYTES, 64);
        for (int i = 0; i < INTS; i++) {
          s.set(ValueLayout.JAVA_INT, (long) i * Integer.BYTES, i ^ r);
        }
        for (int i = 0; i < INTS; i++) {
          sum += s.get(ValueLayout.JAVA_INT, (long) i * Integer.BYTES);
        }
        for (int i = 0; i < INTS; i++) {
          s.set(ValueLayout.JAVA_BYTE, i, (byte) (i + r));
          sum += s.get(ValueLayout.JAVA_BYTE, i);
        }
      }
    }
    return sum;
  }
}
