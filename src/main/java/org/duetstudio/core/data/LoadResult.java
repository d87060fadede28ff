package org.duetstudio.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded data set and the files that were skipped on the way, each with the reason. Loaders that skip
 * (image folders) say so here; the caller shows the count and the first few names.
 */
public record LoadResult(ImageDataset dataset, List<Skipped> skipped) {
  public LoadResult {
    skipped = List.copyOf(skipped);
  }

  /** A file that was not loaded, and why. */
  public record Skipped(Path file, String reason) {}

  /** One line for a status bar or console: "12,000 images loaded; 3 files skipped (first: a.txt: not an image)". */
  public String summary() {
    String s = String.format("%,d images loaded", dataset.size());
    if (!skipped.isEmpty()) {
      Skipped first = skipped.get(0);
      s +=
          String.format(
              "; %d file%s skipped (first: %s: %s)",
              skipped.size(),
              skipped.size() == 1 ? "" : "s",
              first.file().getFileName(),
              first.reason());
    }
    return s;
  }
}
