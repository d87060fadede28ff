package org.duetstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duetstudio.core.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The window's feedback without a window: the log file, the error dialog's sentence, the notices. */
class FeedbackTest {
  @TempDir Path tmp;

  @Test
  void theLogFileTakesWarningsWithTheirStackTracesAndTheStudiosOwnInfoLines() throws IOException {
    Path dir = tmp.resolve("home/logs");
    Path file = LogFile.install(dir);
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger studio = ctx.getLogger("org.duetstudio");
    Level before = studio.getLevel();
    studio.setLevel(Level.INFO); // as logback.xml sets it (the tests' configuration keeps the console quiet)
    try {
      assertThat(file).isEqualTo(dir.resolve("studio.log"));
      assertThat(LogFile.install(dir)).as("installing twice keeps one file").isEqualTo(file);
      LoggerFactory.getLogger("org.duetstudio.app.Probe").info("an info line of the studio's own");
      LoggerFactory.getLogger("org.nd4j.Probe").info("a library's info line");
      LoggerFactory.getLogger(FeedbackTest.class)
          .warn("something odd", new IllegalStateException("the cause"));
      String log = Files.readString(file);
      assertThat(log).contains("an info line of the studio's own");
      assertThat(log).doesNotContain("a library's info line");
      assertThat(log).contains("WARN").contains("something odd");
      assertThat(log).contains("java.lang.IllegalStateException: the cause").contains("\tat ");
    } finally {
      studio.setLevel(before);
      root.getAppender(LogFile.APPENDER).stop();
      root.detachAppender(LogFile.APPENDER);
    }
  }

  @Test
  void anUncaughtErrorIsOneSentenceNamingItsCauseAndTheLog() {
    Path log = tmp.resolve("studio.log");
    String s =
        UncaughtErrors.sentence(
            new RuntimeException("wrapper", new IllegalArgumentException("width must be positive")), log);
    assertThat(s)
        .startsWith("Something went wrong that the studio did not expect (width must be positive)")
        .contains("what you had is still there")
        .endsWith("The details are in " + log + ".");
    assertThat(UncaughtErrors.sentence(new NullPointerException(), null))
        .contains("(NullPointerException)");
  }

  @Test
  void aNoticeIsGivenForAFinishedOrFailedRunNotForAStoppedOne() {
    assertThat(Notices.finished("The classifier", RunState.COMPLETED, "Done: 88.1% on the test images", ""))
        .isEqualTo("The classifier has finished training. Done: 88.1% on the test images");
    assertThat(Notices.finished("The generator", RunState.FAILED, "Failed", "Training diverged."))
        .isEqualTo("The generator failed: Training diverged.");
    assertThat(Notices.finished("The generator", RunState.CANCELLED, "Stopped", "")).isNull();
    assertThat(Notices.finished("The generator", RunState.RUNNING, "", "")).isNull();
    assertThat(Notices.saved(tmp.resolve("demo.duet"))).isEqualTo("Saved demo.duet in " + tmp + ".");
  }
}
