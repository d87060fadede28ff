package org.duetstudio.core.data;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The loaders fuzzed: whatever bytes a file holds, the only thing that may come out is the loader's own
 * clear {@link DatasetException} — no other exception, no hang, no memory blow-up. In every test run each
 * target replays its corpus ({@code src/test/resources/.../LoaderFuzzTestInputs/<target>/}: seeds and the
 * inputs fuzzing found interesting); {@code mvn -B -Pfuzz test -Dtest='LoaderFuzzTest#idx'} (and
 * {@code #csv}, {@code #imageFolder}) fuzzes one target with Jazzer.
 */
class LoaderFuzzTest {
  private static final Path DIR = tempDir();
  private static final List<String> EXTENSIONS = List.of("png", "gif", "bmp", "jpg");

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("duet-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxExecutions = 100_000, maxDuration = "30m")
  void idx(FuzzedDataProvider data) throws IOException {
    Path images = DIR.resolve("images-idx");
    Path labels = DIR.resolve("labels-idx");
    Files.write(images, data.consumeBytes(data.consumeInt(0, 1 << 16)));
    Files.write(labels, data.consumeRemainingAsBytes());
    try {
      IdxLoader.load(images, labels, null, "fuzz");
    } catch (DatasetException expected) {
      // the loader's own sentence
    }
  }

  @FuzzTest(maxExecutions = 100_000, maxDuration = "30m")
  void csv(byte[] bytes) throws IOException {
    Path file = DIR.resolve("fuzz.csv");
    Files.write(file, bytes);
    try {
      CsvLoader.load(file, null);
    } catch (DatasetException expected) {
      // the loader's own sentence
    }
  }

  @FuzzTest(maxExecutions = 100_000, maxDuration = "30m")
  void imageFolder(FuzzedDataProvider data) throws IOException {
    Path root = DIR.resolve("folder");
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    int files = data.consumeInt(1, 3);
    for (int i = 0; i < files; i++) {
      Path dir = Files.createDirectories(root.resolve(data.consumeBoolean() ? "a" : "b"));
      String ext = data.pickValue(EXTENSIONS);
      byte[] content = i == files - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 1 << 15));
      Files.write(dir.resolve(i + "." + ext), content);
    }
    try {
      ImageFolderLoader.load(root, LoadOptions.AUTOMATIC);
    } catch (DatasetException expected) {
      // the loader's own sentence
    }
  }
}
