package org.duetstudio.ui.common;

/**
 * Runs each task at once on the calling thread, every callback (and every progress update) included: for
 * view-model tests, which then need no FX thread and no waiting.
 */
public final class SameThreadTasks implements BackgroundTasks {
  @Override
  public <T> void run(BackgroundTask<T> task) {
    BackgroundTask.Context context =
        new BackgroundTask.Context() {
          @Override
          public void progress(double fraction) {
            task.progressed(fraction);
          }

          @Override
          public void message(String text) {
            task.messaged(text);
          }

          @Override
          public boolean cancelled() {
            return task.isCancelled();
          }

          @Override
          public void publish(Runnable update) {
            update.run();
          }
        };
    T result;
    try {
      result = task.call(context);
    } catch (Exception | Error e) {
      task.failed(e);
      return;
    }
    task.succeeded(result);
  }
}
