package org.duetstudio.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keeps every event, for assertions. */
final class RecordingListener implements TrainingListener {
  private final List<TrainingEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(TrainingEvent event) {
    events.add(event);
    notifyAll();
  }

  synchronized List<TrainingEvent> events() {
    return List.copyOf(events);
  }

  <T extends TrainingEvent> List<T> of(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until at least {@code n} events of {@code type} arrived. */
  synchronized void awaitCount(Class<? extends TrainingEvent> type, int n, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (events.stream().filter(type::isInstance).count() < n) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + n + " " + type.getSimpleName());
      }
      wait(left);
    }
  }
}
