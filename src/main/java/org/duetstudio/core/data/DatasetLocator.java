package org.duetstudio.core.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the data sets a user can pick without browsing: the Fashion-MNIST subset in {@code
 * sample-data/}, and the full set when Debian's {@code dataset-fashion-mnist} package is installed. Also
 * turns what a user types ("sample", "full", a path) into a {@link DatasetSource}.
 */
public final class DatasetLocator {
  /** Where Debian's {@code dataset-fashion-mnist} package puts the four IDX files. */
  public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  /** The sample's folder inside {@code sample-data/}. */
  public static final String SAMPLE_FOLDER = "fashion-mnist";

  private final Path debianFolder;

  public DatasetLocator() {
    this(DEBIAN_FASHION_MNIST);
  }

  /** For tests: look for the full set somewhere else. */
  public DatasetLocator(Path debianFolder) {
    this.debianFolder = debianFolder;
  }

  /** The sample-data folder: {@code -Dduet.sampleData}, {@code $DUET_SAMPLE_DATA}, or found near the code. */
  public static Optional<Path> sampleDataFolder() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("duet.sampleData");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    String env = System.getenv("DUET_SAMPLE_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("sample-data"));
    try {
      Path code =
          Path.of(DatasetLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code; p != null; p = p.getParent()) {
        candidates.add(p.resolve("sample-data"));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (unusual class loader): rely on the other candidates
    }
    return candidates.stream()
        .filter(p -> Files.isDirectory(p.resolve(SAMPLE_FOLDER)))
        .map(p -> p.toAbsolutePath().normalize())
        .findFirst();
  }

  /** The sources that exist on this machine, best first: the full set, then the sample. */
  public List<DatasetSource> available() {
    List<DatasetSource> list = new ArrayList<>();
    fullFashionMnist().ifPresent(list::add);
    sample().ifPresent(list::add);
    return list;
  }

  /** The sample subset that ships with the studio. */
  public Optional<DatasetSource> sample() {
    return sampleDataFolder()
        .map(
            p ->
                new DatasetSource(
                    "Fashion-MNIST sample (sample-data)",
                    "sample",
                    DatasetSource.Kind.IDX_FOLDER,
                    p.resolve(SAMPLE_FOLDER)));
  }

  /** The full Fashion-MNIST set, when Debian's package is installed. */
  public Optional<DatasetSource> fullFashionMnist() {
    if (DatasetSource.findPair(debianFolder, "train").isPresent()
        && DatasetSource.findPair(debianFolder, "t10k").isPresent()) {
      return Optional.of(
          new DatasetSource(
              "Fashion-MNIST (full, 60,000 + 10,000)",
              "full",
              DatasetSource.Kind.IDX_FOLDER,
              debianFolder));
    }
    return Optional.empty();
  }

  /** The default: the full set when installed, else the sample. */
  public Optional<DatasetSource> preferred() {
    return available().stream().findFirst();
  }

  /**
   * Resolves "sample", "full" or a path (a folder of IDX files, a folder of class folders, a CSV file),
   * the path optionally followed by the load options {@link LoadOptions#spec(String)} writes ("photos
   * [32x32, grey]"), as recorded runs and sessions name their data.
   */
  public DatasetSource resolve(String spec) throws DatasetException {
    String s = spec.strip();
    LoadOptions.Spec split = LoadOptions.parseSpec(s);
    if (!split.options().isAutomatic() && !Files.exists(Path.of(s))) {
      return resolve(split.path(), split.options());
    }
    return resolveAutomatic(s);
  }

  /**
   * Resolves {@code spec} as {@link #resolve(String)} does and loads it with {@code options}: what the
   * window's size and colour choice and the command line's {@code --size} and {@code --grey} call. The
   * source's spec then carries the options, so that a run recorded from it finds the same data again.
   *
   * @throws DatasetException when options are asked for a source that is not an image folder
   */
  public DatasetSource resolve(String spec, LoadOptions options) throws DatasetException {
    DatasetSource plain = resolveAutomatic(LoadOptions.parseSpec(spec.strip()).path());
    if (options == null || options.isAutomatic()) {
      return plain;
    }
    if (!plain.takesLoadOptions()) {
      throw new DatasetException(
          plain.path(),
          "is "
              + (plain.kind() == DatasetSource.Kind.CSV ? "a CSV file" : "a folder of IDX files")
              + ", whose images all have one size already; a size or grey can be chosen for a folder"
              + " of image files only");
    }
    return new DatasetSource(
        plain.name() + ", " + options,
        options.spec(plain.spec()),
        plain.kind(),
        plain.path(),
        options);
  }

  private DatasetSource resolveAutomatic(String s) throws DatasetException {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "sample":
        return sample()
            .orElseThrow(
                () ->
                    new DatasetException(
                        Path.of("sample-data"),
                        "was not found; run from the project folder or set DUET_SAMPLE_DATA"));
      case "full":
      case "fashion-mnist":
        return fullFashionMnist()
            .orElseThrow(
                () ->
                    new DatasetException(
                        debianFolder,
                        "holds no Fashion-MNIST files; install them with 'sudo apt-get install"
                            + " dataset-fashion-mnist', or use 'sample'"));
      default:
        break;
    }
    Path p = Path.of(s).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new DatasetException(p, "does not exist");
    }
    String label = p.getFileName() == null ? p.toString() : p.getFileName().toString();
    if (Files.isRegularFile(p)) {
      if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return new DatasetSource(label + " (CSV)", p.toString(), DatasetSource.Kind.CSV, p);
      }
      throw new DatasetException(
          p,
          "is not a data set the studio reads: give a CSV file, a folder of IDX files, or a folder"
              + " with one sub-folder of images per class");
    }
    if (DatasetSource.looksLikeIdxFolder(p)) {
      return new DatasetSource(label + " (IDX)", p.toString(), DatasetSource.Kind.IDX_FOLDER, p);
    }
    return new DatasetSource(
        label + " (image folders)", p.toString(), DatasetSource.Kind.IMAGE_FOLDER, p);
  }
}
