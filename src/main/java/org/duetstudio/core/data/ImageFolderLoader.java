package org.duetstudio.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a folder that holds one sub-folder per class, each full of PNG, JPEG, BMP or GIF images. Class
 * names are the sub-folder names, in alphabetical order.
 *
 * <p>Policy, chosen so that nothing is lost silently:
 *
 * <ul>
 *   <li>files that are not images (by extension), and image files that cannot be decoded, are
 *       <b>skipped and counted</b> in the {@link LoadResult};
 *   <li>a class folder with no loadable image, or a root with no class folders, is <b>refused</b>;
 *   <li>size: the one {@link LoadOptions} gives, else the most common size in the folder, scaled down to
 *       fit {@value LoadOptions#AUTOMATIC_CAP} × {@value LoadOptions#AUTOMATIC_CAP}; every image of
 *       another size is scaled to fill it and cropped evenly, and <b>counted as resized</b>;
 *   <li>channels: 1 when grey is asked for or no image has colour, else 3.
 * </ul>
 *
 * <p>Two passes: the first reads only each file's header (its size), the second decodes one image at a
 * time, subsampled while it is read when it is large, and keeps it only at the target size, so a folder of
 * big photos never sits in memory at full size.
 */
public final class ImageFolderLoader {
  /** More pixels than any camera's photo (a 200-megapixel sensor): a header that says more is damaged. */
  private static final long MAX_PIXELS = 200_000_000L;


  private ImageFolderLoader() {}

  public static LoadResult load(Path root, LoadOptions options) throws DatasetException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException(
          root, Files.exists(root) ? "is not a folder" : "does not exist");
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(root)) {
      classDirs =
          s.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new DatasetException(root, "could not be listed (" + e.getMessage() + ")", e);
    }
    if (classDirs.isEmpty()) {
      throw new DatasetException(
          root,
          "has no class folders: put the images of each class in a folder of its own, e.g. "
              + root.getFileName()
              + "/cat/1.png and "
              + root.getFileName()
              + "/dog/1.png");
    }
    // pass 1: names and sizes from the headers
    List<String> classNames = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<ImageFiles.Size> sizes = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<LoadResult.Skipped> skipped = new ArrayList<>();
    for (Path dir : classDirs) {
      int label = classNames.size();
      classNames.add(dir.getFileName().toString());
      List<Path> entries;
      try (Stream<Path> s = Files.list(dir)) {
        entries = s.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new DatasetException(dir, "could not be listed (" + e.getMessage() + ")", e);
      }
      int before = files.size();
      for (Path f : entries) {
        if (f.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (!ImageFiles.isImageName(f)) {
          skipped.add(new LoadResult.Skipped(f, "not an image file"));
          continue;
        }
        ImageFiles.Size size = ImageFiles.probe(f);
        if (size == null || size.width() <= 0 || size.height() <= 0) {
          skipped.add(new LoadResult.Skipped(f, "could not be decoded as an image"));
          continue;
        }
        if ((long) size.width() * size.height() > MAX_PIXELS) {
          skipped.add(
              new LoadResult.Skipped(
                  f,
                  "is " + size.width() + "x" + size.height()
                      + " pixels, too large to decode in the memory available"));
          continue;
        }
        files.add(f);
        sizes.add(size);
        labels.add(label);
      }
      if (files.size() == before) {
        throw new DatasetException(
            dir,
            "class folder '" + dir.getFileName() + "' holds no loadable image"
                + (entries.isEmpty() ? " (it is empty)" : ""));
      }
    }
    ImageFiles.Size target =
        options.automaticSize()
            ? automaticSize(sizes)
            : new ImageFiles.Size(options.width(), options.height());

    // pass 2: one image at a time, straight to the target size
    List<BufferedImage> images = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    List<LoadResult.Resized> resized = new ArrayList<>();
    boolean colour = false;
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      BufferedImage img = ImageFiles.read(f, target.width(), target.height());
      if (img == null) {
        skipped.add(new LoadResult.Skipped(f, "could not be decoded as an image"));
        continue;
      }
      if (!sizes.get(i).equals(target)) {
        resized.add(new LoadResult.Resized(f, sizes.get(i).width(), sizes.get(i).height()));
      }
      if (!options.grey() && !colour) {
        colour = ImageFiles.hasColour(img);
      }
      images.add(img);
      kept.add(labels.get(i));
    }
    for (int c = 0; c < classNames.size(); c++) {
      if (!kept.contains(c)) {
        throw new DatasetException(
            classDirs.get(c), "class folder '" + classNames.get(c) + "' holds no loadable image");
      }
    }
    int channels = colour ? 3 : 1;
    ImageShape shape = new ImageShape(target.width(), target.height(), channels);
    float[][] rows = new float[images.size()][];
    int[] y = new int[images.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ImageFiles.toRow(images.get(i), channels);
      images.set(i, null);
      y[i] = kept.get(i);
    }
    String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    return new LoadResult(ImageDataset.adopt(name, shape, rows, y, classNames), skipped, resized);
  }

  /** The most common size (the first found among equals), scaled down to fit the automatic cap. */
  static ImageFiles.Size automaticSize(List<ImageFiles.Size> sizes) {
    Map<ImageFiles.Size, Integer> counts = new HashMap<>();
    ImageFiles.Size best = sizes.get(0);
    for (ImageFiles.Size s : sizes) {
      int n = counts.merge(s, 1, Integer::sum);
      if (n > counts.get(best)) {
        best = s;
      }
    }
    int cap = LoadOptions.AUTOMATIC_CAP;
    if (best.width() <= cap && best.height() <= cap) {
      return best;
    }
    double scale = Math.min((double) cap / best.width(), (double) cap / best.height());
    return new ImageFiles.Size(
        Math.max(1, (int) Math.round(best.width() * scale)),
        Math.max(1, (int) Math.round(best.height() * scale)));
  }
}
