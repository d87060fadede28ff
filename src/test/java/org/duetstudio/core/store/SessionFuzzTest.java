package org.duetstudio.core.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;

/**
 * The session reader fuzzed: whatever bytes a {@code .duet} file or a saved model holds, only an
 * IOException with one sentence may come out of reading it, and only an IllegalArgumentException out of a
 * random forest taking its numbers. Every test run replays the corpus in
 * {@code src/test/resources/org/duetstudio/core/store/SessionFuzzTestInputs/<target>/};
 * {@code mvn -B -Pfuzz test -Dtest='SessionFuzzTest#session'} (or {@code #modelState}) fuzzes with Jazzer.
 */
class SessionFuzzTest {
  private static final Path FILE = tempFile();
  private static final ImageShape SHAPE = new ImageShape(28, 28, 1);
  private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

  private static Path tempFile() {
    try {
      Path f = Files.createTempFile("duet-fuzz", ".duet");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxExecutions = 100_000, maxDuration = "30m")
  void session(byte[] bytes) throws IOException {
    Files.write(FILE, bytes);
    SessionFile s;
    try {
      s = SessionFile.load(FILE);
    } catch (IOException expected) {
      return; // the reader's own sentence
    }
    if (s.classifier() != null && s.classifier().model() != null) {
      restoreForest(s.classifier().model());
    }
  }

  @FuzzTest(maxExecutions = 100_000, maxDuration = "30m")
  void modelState(byte[] bytes) {
    ModelState state;
    try {
      state = ModelState.readFrom(new ByteArrayInputStream(bytes));
    } catch (IOException expected) {
      return; // the reader's own sentence
    }
    restoreForest(state);
  }

  /** A random forest takes the numbers or refuses them with one sentence. */
  private static void restoreForest(ModelState state) {
    var spec = ClassifierSpec.defaults(ClassifierKind.RANDOM_FOREST);
    var forest = (Persistent) Models.classifier(spec, SHAPE, CLASSES);
    try {
      forest.restore(state);
    } catch (IllegalArgumentException expected) {
      // the model's own sentence
    }
  }
}
