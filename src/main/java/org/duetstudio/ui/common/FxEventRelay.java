package org.duetstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;
import org.slf4j.LoggerFactory;

/**
 * Carries training events from a run's thread to the JavaFX thread in batches: events are queued as they
 * come, and drained at most {@value #MAX_DRAINS_PER_SECOND} times a second with one {@code runLater}
 * per batch — never one per event — so a model stepping hundreds of times a second cannot flood the UI.
 */
public final class FxEventRelay implements TrainingListener {
  static final int MAX_DRAINS_PER_SECOND = 20;
  private static final long INTERVAL_NANOS = 1_000_000_000L / MAX_DRAINS_PER_SECOND;
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "duet-fx-relay");
            t.setDaemon(true);
            return t;
          });

  private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Consumer<List<TrainingEvent>> sink;
  private volatile long lastDrain;

  /** @param sink receives each batch on the FX thread, in arrival order */
  public FxEventRelay(Consumer<List<TrainingEvent>> sink) {
    this.sink = sink;
  }

  @Override
  public void onEvent(TrainingEvent event) {
    queue.add(event);
    if (scheduled.compareAndSet(false, true)) {
      long wait = Math.max(0, lastDrain + INTERVAL_NANOS - System.nanoTime());
      TIMER.schedule(() -> Platform.runLater(this::drain), wait, TimeUnit.NANOSECONDS);
    }
  }

  private void drain() {
    lastDrain = System.nanoTime();
    scheduled.set(false);
    List<TrainingEvent> batch = new ArrayList<>();
    TrainingEvent e;
    while ((e = queue.poll()) != null) {
      batch.add(e);
    }
    if (!batch.isEmpty()) {
      long t0 = System.nanoTime();
      sink.accept(List.copyOf(batch));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > 25 && Boolean.getBoolean("duet.debugStalls")) {
        LoggerFactory.getLogger(FxEventRelay.class)
            .info(
                "drain {} ms for {} events: {}",
                ms,
                batch.size(),
                batch.stream().map(x -> x.getClass().getSimpleName()).distinct().toList());
      }
    }
  }
}
