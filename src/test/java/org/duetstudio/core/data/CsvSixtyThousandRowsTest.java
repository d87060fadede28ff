package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Fashion-MNIST-sized CSV (60,000 rows of 784 pixels, every value 0..255 at random: the longest text
 * such a file has) loads within a 1 GB heap. Not in the default run: {@code mvn -B -Pbig-csv test}, which
 * gives this JVM {@code -Xmx1g}; it logs the file's size, the time and the heap's peak.
 */
@Tag("big")
class CsvSixtyThousandRowsTest {
  private static final Logger LOG = LoggerFactory.getLogger("org.duetstudio.figures");
  private static final int ROWS = 60_000;
  private static final int PIXELS = 784;
  @TempDir Path dir;

  @Test
  void sixtyThousandRowsLoadInAOneGigabyteHeap() throws Exception {
    Path file = dir.resolve("fashion-mnist_train.csv");
    SplittableRandom random = new SplittableRandom(7);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("label");
      for (int p = 1; p <= PIXELS; p++) {
        w.write(",pixel" + p);
      }
      w.write('\n');
      StringBuilder line = new StringBuilder(4 * PIXELS);
      for (int r = 0; r < ROWS; r++) {
        line.setLength(0);
        line.append(r % 10);
        for (int p = 0; p < PIXELS; p++) {
          line.append(',').append(random.nextInt(256));
        }
        w.append(line).append('\n');
      }
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    ImageDataset d = CsvLoader.load(file, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    LOG.info(
        "CSV of {} MB, {} rows: loaded in {} s, heap peak {} MB of {} MB",
        Files.size(file) >> 20, d.size(), String.format("%.1f", seconds), peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    assertThat(d.size()).isEqualTo(ROWS);
    assertThat(d.shape()).isEqualTo(new ImageShape(28, 28, 1));
    assertThat(d.classNames()).hasSize(10);
    assertThat(d.classCounts()).containsOnly(ROWS / 10);
  }
}
