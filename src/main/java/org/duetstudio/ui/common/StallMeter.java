package org.duetstudio.ui.common;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread takes to answer: every {@value #PERIOD_MS} ms a watchdog thread
 * posts a no-op and records how late it ran. The longest delay is the longest stall a user could have
 * felt (a click or a repaint waits at most that long). Shown in the status bar; read by tests and the
 * UI benchmark.
 */
public final class StallMeter {
  static final long PERIOD_MS = 20;

  private final AtomicLong maxNanos = new AtomicLong();
  private final AtomicLong windowMaxNanos = new AtomicLong();
  private final AtomicLong startUpNanos = new AtomicLong(-1);
  private volatile boolean running;
  private Thread thread;

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread =
        new Thread(
            () -> {
              while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> record(System.nanoTime() - posted));
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "duet-stall-meter");
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void record(long nanos) {
    maxNanos.accumulateAndGet(nanos, Math::max);
    windowMaxNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Longest stall since start or the last {@link #reset()}, in milliseconds. */
  public double maxMillis() {
    return maxNanos.get() / 1e6;
  }

  /** Longest stall since the previous call of this method (for a live display). */
  public double takeWindowMaxMillis() {
    return windowMaxNanos.getAndSet(0) / 1e6;
  }

  /**
   * Ends the start-up period (when training starts): its longest stall is kept for {@link
   * #startUpMillis()}, and the figures start again. Later calls only reset.
   */
  public void endStartUp() {
    startUpNanos.compareAndSet(-1, maxNanos.get());
    reset();
  }

  /**
   * The longest stall between {@link #start()} and {@link #endStartUp()} (or until now, when start-up
   * has not ended), in milliseconds.
   */
  public double startUpMillis() {
    long s = startUpNanos.get();
    return (s < 0 ? maxNanos.get() : s) / 1e6;
  }

  public void reset() {
    maxNanos.set(0);
    windowMaxNanos.set(0);
  }
}
