package org.duetstudio.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.duetstudio.ui.common.StallMeter;

/**
 * The window's start time, its longest stall at start-up (from the window shown until training starts)
 * and while training, and the process's peak memory, as one report.
 */
final class UiFigures {
  private final long launchMillis;
  private final long shownMillis;
  private final StallMeter stalls;

  UiFigures(long launchMillis, long shownMillis, StallMeter stalls) {
    this.launchMillis = launchMillis;
    this.shownMillis = shownMillis;
    this.stalls = stalls;
  }

  String report() {
    return String.format(
        Locale.ROOT,
        "window shown %.2f s after the JVM started (%.2f s after main); longest FX-thread stall"
            + " at start-up %.0f ms, while training %.0f ms; peak memory (RSS) %s",
        (shownMillis - ManagementFactory.getRuntimeMXBean().getStartTime())
            / 1000.0,
        (shownMillis - launchMillis) / 1000.0,
        stalls.startUpMillis(),
        stalls.maxMillis(),
        peakRss());
  }

  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return "unknown";
  }
}
