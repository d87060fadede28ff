package org.duetstudio.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded data set, the files that were skipped on the way (each with the reason) and those that were
 * resized to the data set's size. Loaders that skip or resize (image folders) say so here; the caller
 * shows the counts and the first few names.
 */
public record LoadResult(ImageDataset dataset, List<Skipped> skipped, List<Resized> resized) {
  public LoadResult {
    skipped = List.copyOf(skipped);
    resized = List.copyOf(resized);
  }

  /** Nothing resized. */
  public LoadResult(ImageDataset dataset, List<Skipped> skipped) {
    this(dataset, skipped, List.of());
  }

  /** A file that was not loaded, and why. */
  public record Skipped(Path file, String reason) {}

  /** A file loaded at the data set's size instead of its own. */
  public record Resized(Path file, int width, int height) {}

  /** True when something was skipped or resized: worth telling the user. */
  public boolean hasNotes() {
    return !skipped.isEmpty() || !resized.isEmpty();
  }

  /**
   * One line for a status bar or console: "12,000 images loaded at 64x48 RGB; 30 resized (first: a.jpg,
   * 4000x3000); 3 files skipped (first: a.txt: not an image)".
   */
  public String summary() {
    String s = String.format("%,d images loaded", dataset.size());
    if (!resized.isEmpty()) {
      Resized first = resized.get(0);
      s +=
          String.format(
              " at %s; %,d resized to it (first: %s, %dx%d)",
              dataset.shape(),
              resized.size(),
              first.file().getFileName(),
              first.width(),
              first.height());
    }
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
