package org.duetstudio.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Somewhere a data set can be loaded from: a folder of IDX files, a folder of class folders, or a CSV
 * file. {@link #spec()} is the string a user types (and provenance records) to name it again.
 *
 * @param name what a user sees, e.g. "Fashion-MNIST (full, 60,000 + 10,000)"
 * @param spec the string that resolves to this source through {@link DatasetLocator#resolve(String)}
 * @param kind which loader reads it
 * @param path the folder or file
 * @param options the size and colour an image folder is loaded at (automatic for the other kinds)
 */
public record DatasetSource(String name, String spec, Kind kind, Path path, LoadOptions options) {
  /** The formats the studio reads. */
  public enum Kind {
    /** A folder with train/t10k IDX pairs (or one pair, split 80/20). */
    IDX_FOLDER,
    /** A folder of class sub-folders of images, split 80/20. */
    IMAGE_FOLDER,
    /** One CSV file, label first, split 80/20. */
    CSV
  }

  /** The share of images held out for testing when a source has no test set of its own. */
  public static final double TEST_FRACTION = 0.2;

  /** The fixed seed of that split, so the same source always gives the same split. */
  public static final long SPLIT_SEED = 20_26L;

  /** The Fashion-MNIST classes, index = label. */
  public static final List<String> FASHION_CLASSES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  public DatasetSource {
    if (options == null) {
      options = LoadOptions.AUTOMATIC;
    }
  }

  /** Loaded automatically. */
  public DatasetSource(String name, String spec, Kind kind, Path path) {
    this(name, spec, kind, path, LoadOptions.AUTOMATIC);
  }

  /** True when this source can be loaded at a chosen size and colour (an image folder). */
  public boolean takesLoadOptions() {
    return kind == Kind.IMAGE_FOLDER;
  }

  /** Loads the train and test sets. Files that were skipped or resized are in the report. */
  public Loaded load() throws DatasetException {
    return switch (kind) {
      case IDX_FOLDER -> loadIdxFolder();
      case IMAGE_FOLDER -> {
        LoadResult r = ImageFolderLoader.load(path, options);
        yield new Loaded(split(r.dataset()), r);
      }
      case CSV -> {
        ImageDataset all = CsvLoader.load(path, null);
        yield new Loaded(split(all), new LoadResult(all, List.of()));
      }
    };
  }

  /** Train/test data and the load report (skipped files). */
  public record Loaded(TrainTestData data, LoadResult report) {}

  private TrainTestData split(ImageDataset all) throws DatasetException {
    if (all.size() < 2 * all.numClasses()) {
      throw new DatasetException(
          path,
          "holds only "
              + all.size()
              + " images for "
              + all.numClasses()
              + " classes; at least two per class are needed to train and test");
    }
    return DatasetSplit.stratified(all, TEST_FRACTION, SPLIT_SEED, spec);
  }

  private Loaded loadIdxFolder() throws DatasetException {
    List<String> classes = classNames(path);
    Optional<Path[]> train = findPair(path, "train");
    Optional<Path[]> test = findPair(path, "t10k").or(() -> findPair(path, "test"));
    if (train.isPresent() && test.isPresent()) {
      ImageDataset tr = IdxLoader.load(train.get()[0], train.get()[1], classes, name + ", train");
      ImageDataset te = IdxLoader.load(test.get()[0], test.get()[1], classes, name + ", test");
      if (!tr.shape().equals(te.shape())) {
        throw new DatasetException(
            test.get()[0],
            "holds " + te.shape() + " images but the training images are " + tr.shape());
      }
      if (tr.numClasses() != te.numClasses()) {
        // label files without classes.txt: widen both to the larger class count
        List<String> widened = tr.numClasses() > te.numClasses() ? tr.classNames() : te.classNames();
        tr = IdxLoader.load(train.get()[0], train.get()[1], widened, name + ", train");
        te = IdxLoader.load(test.get()[0], test.get()[1], widened, name + ", test");
      }
      ImageDataset all = tr;
      return new Loaded(new TrainTestData(tr, te, spec), new LoadResult(all, List.of()));
    }
    Optional<Path[]> any = findPair(path, "");
    if (any.isEmpty()) {
      throw new DatasetException(
          path,
          "holds no IDX image/label pair (files named like train-images-idx3-ubyte.gz and"
              + " train-labels-idx1-ubyte.gz)");
    }
    ImageDataset all = IdxLoader.load(any.get()[0], any.get()[1], classes, name);
    return new Loaded(split(all), new LoadResult(all, List.of()));
  }

  /** classes.txt (one name per line) beside the files, Fashion-MNIST names for the Debian set. */
  private static List<String> classNames(Path dir) throws DatasetException {
    Path f = dir.resolve("classes.txt");
    if (Files.isRegularFile(f)) {
      try {
        List<String> names =
            Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (names.isEmpty()) {
          throw new DatasetException(f, "lists no class names");
        }
        return names;
      } catch (IOException e) {
        throw new DatasetException(f, "could not be read (" + e.getMessage() + ")", e);
      }
    }
    if (dir.toAbsolutePath().normalize().equals(DatasetLocator.DEBIAN_FASHION_MNIST)) {
      return FASHION_CLASSES;
    }
    return null;
  }

  /** Finds {prefix}*images*idx3* and {prefix}*labels*idx1* in a folder. */
  static Optional<Path[]> findPair(Path dir, String prefix) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
      Path images = null;
      Path labels = null;
      for (Path f : files) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.startsWith(prefix)) {
          continue;
        }
        if (images == null && n.contains("images") && n.contains("idx3")) {
          images = f;
        } else if (labels == null && n.contains("labels") && n.contains("idx1")) {
          labels = f;
        }
      }
      return images != null && labels != null ? Optional.of(new Path[] {images, labels}) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean looksLikeIdxFolder(Path dir) {
    return findPair(dir, "").isPresent();
  }
}
