package org.duetstudio.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions from someone else: crafted files are refused with one sentence, cost no more memory than
 * their limits, and write nothing anywhere.
 */
class HostileSessionTest {
  private static final ClassifierSpec FOREST =
      ClassifierSpec.defaults(ClassifierKind.RANDOM_FOREST).withTrees(5);
  @TempDir Path tmp;

  private static SessionFile session(ModelState model) {
    return new SessionFile(
        SessionFile.FORMAT, "test", "2026-12-01T00:00:00Z", null,
        new SessionFile.Side<>(FOREST, List.of(), model), null, null, List.of());
  }

  private static byte[] header() {
    return ("{\"format\":1,\"app\":\"test\",\"classifierSpec\":" + Json.write(FOREST) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A zip of the given entries, in order. */
  private Path zip(String file, Map<String, byte[]> entries) throws IOException {
    Path p = tmp.resolve(file);
    try (var zip = new ZipOutputStream(Files.newOutputStream(p))) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return p;
  }

  private static byte[] events() {
    return "[]".getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aModelBlobThatIsASerialisedObjectOfAnotherClassIsRefusedUnread() throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashMap<>(Map.of("gadget", "chain")));
    }
    Path file = tmp.resolve("blob.duet");
    session(new ModelState(Map.of(), Map.of("forest", bytes.toByteArray()))).save(file);
    SessionFile back = SessionFile.load(file); // the file itself is well formed
    ImageClassifier fresh = Models.classifier(FOREST, new ImageShape(28, 28, 1), List.of("a", "b"));
    assertThatThrownBy(() -> ((Persistent) fresh).restore(back.classifier().model()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialised Java object")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void entriesWithPathsOrUnknownNamesAreRefusedAndNothingIsWritten() throws Exception {
    for (String name : List.of("../evil.txt", "/etc/evil", "..\\evil.txt", "models/../../evil", "extra.bin")) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("session.json", header());
      entries.put("classifier-events.json", events());
      entries.put(name, "gotcha".getBytes(StandardCharsets.UTF_8));
      Path file = zip("paths.duet", entries);
      assertThatThrownBy(() -> SessionFile.load(file))
          .as(name)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("was not opened")
          .hasMessageContaining("no part of a Duet Studio session");
    }
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("paths.duet");
    }
    assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
  }

  @Test
  void anEntryTwiceIsRefused() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("session.json", header());
    entries.put("classifier-events.json", events());
    entries.put("classifier-events.jsoX", events()); // renamed below: Java's zip writer refuses duplicates
    Path file = zip("twice.duet", entries);
    byte[] b = Files.readAllBytes(file);
    byte[] from = "classifier-events.jsoX".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= b.length; i++) {
      if (Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
        b[i + from.length - 1] = 'n';
      }
    }
    Files.write(file, b);
    assertThatThrownBy(() -> SessionFile.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holds the entry 'classifier-events.json' twice");
  }

  @Test
  void aZipBombGetsOneSentence() throws Exception {
    // 70 MB of spaces in session.json (its limit is 64 MB) pack into well under 1 MB
    Path file = tmp.resolve("bomb.duet");
    try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("session.json"));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 70; i++) {
        zip.write(spaces);
      }
      zip.write(header());
      zip.closeEntry();
    }
    assertThat(Files.size(file)).isLessThan(1 << 20);
    assertThatThrownBy(() -> SessionFile.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'session.json' unpacks to more than 64 MB")
        .hasMessageContaining("zip bomb");
  }

  @Test
  void anEntryThatUnpacksToMoreThanItDeclaresIsStoppedAtItsLimit() throws Exception {
    byte[] zeros = new byte[1 << 20];
    Path file = zip("liar.duet", Map.of("classifier-model.bin", zeros));
    lieAboutSizes(file, 100); // the central directory now says 100 bytes
    try (var zip = new BoundedZip(new ZipFile(file.toFile()), file, Map.of("classifier-model.bin", 1L << 21), 1L << 22)) {
      ZipEntry e = zip.entry("classifier-model.bin");
      assertThat(e.getSize()).isEqualTo(100);
      assertThatThrownBy(() -> drain(zip.open(e)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("more than the 100 bytes it declares");
    }
    Path honest = zip("honest.duet", Map.of("classifier-model.bin", zeros));
    try (var zip = new BoundedZip(new ZipFile(honest.toFile()), honest, Map.of("classifier-model.bin", 1000L), 10_000)) {
      assertThatThrownBy(() -> zip.open(zip.entry("classifier-model.bin")))
          .hasMessageContaining("unpacks to more than 1,000 bytes")
          .hasMessageContaining("zip bomb");
    }
    try (var zip = new BoundedZip(new ZipFile(honest.toFile()), honest, Map.of("classifier-model.bin", 1L << 21), 1000)) {
      assertThatThrownBy(() -> drain(zip.open(zip.entry("classifier-model.bin"))))
          .hasMessageContaining("its entries unpack to more than 1,000 bytes");
    }
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.readAllBytes();
    }
  }

  /** Rewrites every central-directory entry's uncompressed size. */
  private static void lieAboutSizes(Path file, int size) throws IOException {
    byte[] b = Files.readAllBytes(file);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 <= b.length; i++) {
      if (buf.getInt(i) == 0x02014b50) {
        buf.putInt(i + 24, size);
      }
    }
    Files.write(file, b);
  }

  /** A model.bin: the magic, then {@code body} written by the caller. */
  private static byte[] model(Body body) throws IOException {
    var bytes = new ByteArrayOutputStream();
    var d = new DataOutputStream(bytes);
    d.writeInt(0x44554554);
    body.write(d);
    d.flush();
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void write(DataOutputStream d) throws IOException;
  }

  @Test
  void negativeAndHugeSizesInAModelAreRefusedWithoutAllocating() throws Exception {
    Map<String, Body> cases =
        Map.of(
            "it announces -3 arrays", d -> d.writeInt(-3),
            "it announces 2000000000 arrays", d -> d.writeInt(2_000_000_000),
            "values for 'w'", d -> {
              d.writeInt(1);
              d.writeUTF("w");
              d.writeInt(-1);
            },
            "'w' needs", d -> { // 2^31-9 doubles: 16 GB, more than any test heap
              d.writeInt(1);
              d.writeUTF("w");
              d.writeInt(Integer.MAX_VALUE - 9);
            },
            "cut short", d -> { // a million doubles announced, three there
              d.writeInt(1);
              d.writeUTF("w");
              d.writeInt(1_000_000);
              d.writeDouble(1);
              d.writeDouble(2);
              d.writeDouble(3);
            },
            "twice", d -> {
              d.writeInt(2);
              for (int i = 0; i < 2; i++) {
                d.writeUTF("w");
                d.writeInt(0);
              }
              d.writeInt(0);
            },
            "blob", d -> { // a blob announced at 100 MB, 4 bytes there
              d.writeInt(0);
              d.writeInt(1);
              d.writeUTF("blob");
              d.writeInt(100 << 20);
              d.writeInt(7);
            });
    for (var c : cases.entrySet()) {
      byte[] bytes = model(c.getValue());
      String why = c.getKey().equals("blob") ? "cut short" : c.getKey();
      assertThatThrownBy(() -> ModelState.readFrom(new ByteArrayInputStream(bytes)))
          .as(c.getKey())
          .isInstanceOf(IOException.class)
          .hasMessageContaining(why);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("session.json", header());
      entries.put("classifier-events.json", events());
      entries.put("classifier-model.bin", bytes);
      Path file = zip("sizes.duet", entries);
      assertThatThrownBy(() -> SessionFile.load(file))
          .as(c.getKey())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is damaged: the classifier's model cannot be read")
          .hasMessageContaining(why);
    }
  }

  @Test
  void aModelWhoseDimensionsDoNotMatchIsRefused() throws Exception {
    ClassifierSpec lr = ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION);
    ImageShape shape = new ImageShape(4, 4, 1);
    ImageClassifier model = Models.classifier(lr, shape, List.of("a", "b"));
    Map<String, double[]> arrays = new HashMap<>(((Persistent) model).state().arrays());
    arrays.replaceAll((k, v) -> new double[v.length + 5]);
    assertThatThrownBy(() -> ((Persistent) model).restore(new ModelState(arrays, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another image size");
    ImageClassifier forest = Models.classifier(FOREST, shape, List.of("a", "b"));
    Map<String, double[]> trees =
        Map.of(
            "forest.header", new double[] {1, 2, 28 * 28},
            "forest.weights", new double[] {1},
            "forest.nodes", new double[] {1},
            "forest.feature", new double[] {-1},
            "forest.threshold", new double[] {0},
            "forest.falseChild", new double[] {-1},
            "forest.counts", new double[] {3, 4});
    assertThatThrownBy(() -> ((Persistent) forest).restore(new ModelState(trees, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("784.0 pixels, but this model has 2 classes and 16 pixels");
  }

  @Test
  void aNaiveBayesStateThatCannotComeFromImagesIsRefusedAndTheModelKept() throws Exception {
    ClassifierSpec nb = ClassifierSpec.defaults(ClassifierKind.NAIVE_BAYES);
    ImageShape shape = new ImageShape(2, 2, 1);
    List<String> classes = List.of("a", "b");
    ImageClassifier model = Models.classifier(nb, shape, classes);
    ImageDataset train =
        new ImageDataset(
            "t", shape,
            new float[][] {{0, 0, 1, 1}, {0, 0.2f, 0.9f, 1}, {1, 1, 0, 0}, {0.8f, 1, 0, 0.1f}},
            new int[] {0, 0, 1, 1}, classes);
    Trainer t = model.trainer(train);
    t.startEpoch(1);
    for (int i = 0; i < t.stepsPerEpoch(); i++) {
      t.step();
    }
    Persistent p = (Persistent) model;
    ModelState good = p.state();
    float[][] before = model.predictProbabilities(train);
    Map<String, Map<String, double[]>> crafted = new LinkedHashMap<>();
    crafted.put("3 class counts, the data 2 classes", with(good, "count", new double[] {2, 2, 1}));
    crafted.put("count of class 1 (-5.0) is not a whole number", with(good, "count", new double[] {2, -5}));
    crafted.put("count of class 0 (1.5) is not a whole number", with(good, "count", new double[] {1.5, 2}));
    crafted.put("count of class 0 (NaN)", with(good, "count", new double[] {Double.NaN, 2}));
    crafted.put("'sum1' has 3 values, the images 4 pixels", with(good, "sum1", new double[] {1, 1, 1}));
    crafted.put("sums for class 0, pixel 2 are impossible", with(good, "sum0", new double[] {0, 0.2, 7, 2}));
    crafted.put("sums for class 1, pixel 0 are impossible", with(good, "sumSq1", new double[] {Double.POSITIVE_INFINITY, 0, 0, 0}));
    crafted.put("sums for class 0, pixel 1 are impossible", with(good, "sum0", new double[] {0, Double.NaN, 1.9, 2}));
    crafted.put("has no 'sumSq0'", without(good, "sumSq0"));
    for (var c : crafted.entrySet()) {
      assertThatThrownBy(() -> p.restore(new ModelState(c.getValue(), Map.of())))
          .as(c.getKey())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.getKey())
          .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
      assertThat(model.predictProbabilities(train)).as("unchanged after " + c.getKey()).isDeepEqualTo(before);
    }
    p.restore(good); // what it saved itself is taken
    assertThat(model.predictProbabilities(train)).isDeepEqualTo(before);
  }

  private static Map<String, double[]> with(ModelState s, String name, double[] value) {
    Map<String, double[]> a = new HashMap<>(s.arrays());
    a.put(name, value);
    return a;
  }

  private static Map<String, double[]> without(ModelState s, String name) {
    Map<String, double[]> a = new HashMap<>(s.arrays());
    a.remove(name);
    return a;
  }

  @Test
  void aSessionRoundTripsThroughTheBoundsUnchanged() throws Exception {
    Path file = tmp.resolve("ok.duet");
    ModelState state = new ModelState(Map.of("w", new double[200_000]), Map.of("b", new byte[70_000]));
    session(state).save(file);
    ModelState back = SessionFile.load(file).classifier().model();
    assertThat(back.array("w")).hasSize(200_000);
    assertThat(back.blob("b")).hasSize(70_000);
  }
}
