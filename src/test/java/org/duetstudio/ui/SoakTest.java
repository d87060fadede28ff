package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.duetstudio.app.AppContext;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.FxTaskExecutor;
import org.duetstudio.ui.shell.StudioViewModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long session in one process: both sides trained and stopped 30 times through the view models (as the
 * window does, on JavaFX's headless platform), every other time started again while the previous runs are
 * still stopping. After each round it logs the heap in use (after a GC), and the resident memory (VmRSS,
 * which holds ND4J's native arrays too); memory must stay flat. Not in the default run:
 * {@code mvn -B -Psoak test -Dtest=SoakTest}.
 */
@Tag("soak")
class SoakTest {
  private static final Logger FIGURES = LoggerFactory.getLogger("org.duetstudio.figures");
  private static final int ROUNDS = 30;

  private static <T> T fx(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception | Error e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(30, TimeUnit.SECONDS);
  }

  private static void fxRun(Runnable r) throws Exception {
    fx(
        () -> {
          r.run();
          return null;
        });
  }

  private static void waitUntil(int seconds, BooleanSupplier onFx) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!fx(onFx::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached in " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static long heapAfterGc() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void thirtyRoundsOfTrainingAndStoppingKeepMemoryFlat() throws Exception {
    List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      started.complete(null);
    }
    started.get(30, TimeUnit.SECONDS);
    fxRun(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e)));
    Path home = Files.createTempDirectory("duet-soak");
    AppContext context = new AppContext(new DatasetLocator(), new FxTaskExecutor(), home);
    StudioViewModel vm = context.studio();
    List<long[]> rows = new ArrayList<>();
    try {
      String backend = Nd4jRuntime.ensureLoaded();
      fxRun(
          () -> {
            vm.backendLoaded(backend);
            vm.dataset().open("sample");
          });
      waitUntil(120, () -> vm.canTrainProperty().get());
      fxRun(
          () -> {
            vm.dataset().trainLimitProperty().set(1000);
            vm.dataset().testLimitProperty().set(200);
            vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.MLP).withEpochs(50));
            vm.generator().specProperty().set(GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(50));
          });
      FIGURES.info("round  heap MB  RSS MB");
      for (int round = 1; round <= ROUNDS; round++) {
        fxRun(vm::trainBoth);
        waitUntil(120, () -> vm.classifier().progressProperty().get() > 0 && vm.generator().progressProperty().get() > 0);
        fxRun(vm::stopBoth);
        if (round % 2 == 0) {
          fxRun(vm::trainBoth); // while the runs are still stopping: must be safe (a stopping side is left alone)
        }
        waitUntil(120, () -> !vm.anyActiveProperty().get());
        assertThat(fx(() -> vm.classifier().stateProperty().get())).isIn(RunState.CANCELLED, RunState.COMPLETED);
        assertThat(fx(() -> vm.generator().stateProperty().get())).isIn(RunState.CANCELLED, RunState.COMPLETED);
        long heap = heapAfterGc();
        long rss = rssKb();
        rows.add(new long[] {round, heap >> 20, rss >> 10});
        FIGURES.info(String.format("%5d  %7d  %6d", round, heap >> 20, rss >> 10));
      }
    } finally {
      context.close();
    }
    assertThat(fxErrors).as("exceptions on the FX thread").isEmpty();
    // flat: the last five rounds' mean within a margin of rounds 6-10's (the first rounds warm caches up)
    double[] early = mean(rows.subList(5, 10));
    double[] late = mean(rows.subList(ROUNDS - 5, ROUNDS));
    FIGURES.info(
        String.format(
            "rounds 6-10 → 26-30: heap %.0f → %.0f MB, RSS %.0f → %.0f MB", early[1], late[1], early[2], late[2]));
    assertThat(late[1] - early[1]).as("heap growth, MB").isLessThan(64);
    assertThat(late[2] - early[2]).as("RSS growth, MB").isLessThan(256);
  }

  private static double[] mean(List<long[]> rows) {
    double[] m = new double[rows.get(0).length];
    for (long[] r : rows) {
      for (int i = 0; i < m.length; i++) {
        m[i] += (double) r[i] / rows.size();
      }
    }
    return m;
  }
}
