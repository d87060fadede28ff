package org.duetstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.studio.RunComparison;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code train} process killed with {@code kill -9} while its generator trains: the folder keeps
 * every finished epoch and a loadable checkpoint, and {@code train --resume} finishes the run with the
 * same numbers as a run that was never interrupted.
 */
class KillAndResumeTest {
  private static final String[] RUN = {
    "train", "--data", "sample", "--classifier", "logreg", "--classifier-epochs", "2", "--generator", "vae",
    "--generator-epochs", "7", "--train-limit", "3000", "--test-limit", "300", "--seed", "7"
  };

  @TempDir Path tmp;

  @Test
  void aKilledRunResumesToTheNumbersOfAnUninterruptedOne() throws Exception {
    Path killed = tmp.resolve("killed");
    Process p = startTrain(killed);
    try {
      // wait until the generator has finished (and check-pointed) two epochs, then kill it hard
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (generatorEpochs(killed) < 2) {
        assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
        assertThat(System.nanoTime()).as("no generator epoch within 3 minutes").isLessThan(deadline);
        Thread.sleep(20);
      }
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }

    RunFolder.Recorded r = RunFolder.Recorded.read(killed);
    assertThat(r.generator().ended()).as("killed while the generator trained").isFalse();
    int done = r.generator().resume().epochsDone();
    assertThat(done).isBetween(2, 6);
    List<Integer> epochs = new ArrayList<>();
    for (TrainingEvent e : r.generator().events()) {
      if (e instanceof TrainingEvent.EpochDone ep) {
        epochs.add(ep.epoch());
      }
    }
    assertThat(epochs).as("every finished epoch's metrics").hasSize(done).startsWith(1, 2);
    // the checkpoint loads into a fresh model of the run's spec
    ImageGenerator g =
        Models.generator(
            r.generator().generatorSpec(),
            SampleData.small(10, 10).shape(),
            r.data().classNames());
    ((Persistent) g).resume(r.generator().checkpoint());
    assertThat(g.sample(2, 1)[0]).hasSize(784);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(cli(out).run("train", "--resume", killed.toString())).as(out.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("goes on after epoch " + done);

    Path whole = tmp.resolve("whole");
    List<String> args = new ArrayList<>(List.of(RUN));
    args.addAll(List.of("--out", whole.toString()));
    assertThat(cli(new ByteArrayOutputStream()).run(args.toArray(String[]::new))).isZero();

    Object resumed = Json.readFile(killed.resolve(RunFolder.METRICS), Object.class);
    Object uninterrupted = Json.readFile(whole.resolve(RunFolder.METRICS), Object.class);
    assertThat(RunComparison.differences(uninterrupted, resumed)).isEmpty();
    assertThat(Files.readString(killed.resolve("metrics.json"))).contains("\"test_accuracy\"");
    assertThat(Files.readString(killed.resolve("judge.json")))
        .isEqualTo(Files.readString(whole.resolve("judge.json")));
  }

  private static Process startTrain(Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-Xmx2g",
            "-Dduet.sampleData=" + System.getProperty("duet.sampleData"),
            "-cp",
            System.getProperty("java.class.path"),
            "org.duetstudio.app.Launcher"));
    cmd.addAll(List.of(RUN));
    cmd.addAll(List.of("--out", dir.toString()));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
    b.redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile());
    b.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    return b.start();
  }

  /** Epochs the generator has check-pointed so far. */
  private static int generatorEpochs(Path dir) {
    try {
      if (!Files.exists(dir.resolve("generator-checkpoint.bin"))) {
        return 0;
      }
      return RunFolder.Recorded.read(dir).generator().resume() == null
          ? 0
          : RunFolder.Recorded.read(dir).generator().resume().epochsDone();
    } catch (Exception e) {
      return 0; // caught between two writes: look again
    }
  }

  private static DuetCli cli(ByteArrayOutputStream out) {
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new DuetCli(ps, ps);
  }
}
