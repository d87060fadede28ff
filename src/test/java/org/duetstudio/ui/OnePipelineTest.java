package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.duetstudio.app.AppContext;
import org.duetstudio.cli.DuetCli;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.shell.StudioViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline: a pair trained once by {@code train}, opened in the window (through its view models), gives
 * the same numbers in the window, in the run folder's JSON and in the report — and the window's Report…
 * writes the very page {@code train} wrote.
 */
class OnePipelineTest {
  @TempDir Path tmp;
  private AppContext context;

  @AfterEach
  void close() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void theWindowTheRunFolderAndTheReportShowTheSameNumbers() throws Exception {
    Path dir = tmp.resolve("run");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
    int code =
        new DuetCli(ps, ps)
            .run(
                "train", "--data", "sample", "--classifier", "logreg", "--generator", "vae", "--latent",
                "2", "--epochs", "2", "--train-limit", "800", "--test-limit", "200", "--out",
                dir.toString());
    assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isZero();

    // the window opens the run folder, shows both sides and judges them itself
    context = new AppContext(new DatasetLocator(), BackgroundTasks.sameThread(), tmp.resolve("home"));
    StudioViewModel vm = context.studio();
    context.shell().sessions().openRun(dir);
    assertThat(context.shell().sessions().statusProperty().get()).startsWith("Opened the run");
    assertThat(vm.classifier().stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.generator().stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.judge().judgementProperty().get()).as("the window's judge has judged").isNotNull();

    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = Json.readFile(dir.resolve("metrics.json"), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) metrics.get("classifier");
    double accuracy = vm.classifier().predictionsProperty().get().accuracy();
    assertThat(((Number) c.get("test_accuracy")).doubleValue()).isEqualTo(accuracy);

    @SuppressWarnings("unchecked")
    Map<String, Object> judge = Json.readFile(dir.resolve("judge.json"), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> verdict = (Map<String, Object>) judge.get("verdict");
    double confidence = vm.judge().judgementProperty().get().verdict().meanConfidence();
    assertThat(((Number) verdict.get("meanConfidence")).doubleValue()).isEqualTo(confidence);

    String page = Files.readString(dir.resolve("report.html"));
    assertThat(page)
        .contains(String.format(Locale.ROOT, "Test accuracy %.2f%%", 100 * accuracy))
        .contains(String.format(Locale.ROOT, "mean confidence is %.1f%%", 100 * confidence));

    // Report… in the window: byte for byte the page train wrote
    Path windowReport = tmp.resolve("from-the-window.html");
    context.shell().sessions().report(windowReport);
    assertThat(context.shell().sessions().statusProperty().get()).startsWith("Wrote the report");
    assertThat(Files.readString(windowReport)).isEqualTo(page);
  }
}
