package org.duetstudio.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save → open keeps every stored number and the models' answers; a failed save keeps the old file. */
class SessionFileTest {
  private static final TrainTestData DATA = SampleData.small(1000, 200);
  private static ImageClassifier classifier;
  private static ImageGenerator generator;
  private static SessionFile session;
  @TempDir Path tmp;

  private static List<TrainingEvent> train(TrainingJob job) throws Exception {
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    try (TrainingEngine engine = new TrainingEngine()) {
      engine.start(job, events::add).completion().get(5, TimeUnit.MINUTES);
    }
    return events;
  }

  @BeforeAll
  static void trainBoth() throws Exception {
    ClassifierSpec cs = ClassifierSpec.defaults(ClassifierKind.MLP).withEpochs(2).withSeed(5);
    GeneratorSpec gs = GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(2).withConditional(true);
    ClassifierJob cj = new ClassifierJob(cs, DATA);
    GeneratorJob gj = new GeneratorJob(gs, DATA);
    List<TrainingEvent> ce = train(cj);
    List<TrainingEvent> ge = train(gj);
    classifier = cj.model();
    generator = gj.model();
    Judgement j = Judgement.of(classifier, generator, DATA.test(), DATA.train(), 100, 1);
    session =
        new SessionFile(
            SessionFile.FORMAT,
            "test",
            "2026-11-21T00:00:00Z",
            Provenance.DataRecord.of(DATA),
            new SessionFile.Side<>(cs, ce, ((Persistent) classifier).state()),
            new SessionFile.Side<>(gs, ge, ((Persistent) generator).state()),
            j,
            List.of(new double[] {0.5, 500, 2.0, 41.5}, new double[] {1, 1000, 4.0, 55.0}));
  }

  @Test
  void everyStoredNumberAndTheModelsAnswersSurviveARoundTrip() throws Exception {
    Path file = tmp.resolve("s.duet");
    session.save(file);
    SessionFile back = SessionFile.load(file);
    assertThat(back.classifier().spec()).isEqualTo(session.classifier().spec());
    assertThat(back.generator().spec()).isEqualTo(session.generator().spec());
    assertThat(back.data()).isEqualTo(session.data());
    // events, judgement and model states compared through their JSON (arrays compared by value)
    assertThat(tree(back.classifier().events().stream().map(SessionFileTest::describe).toList()))
        .isEqualTo(tree(session.classifier().events().stream().map(SessionFileTest::describe).toList()));
    assertThat(tree(back.generator().events().stream().map(SessionFileTest::describe).toList()))
        .isEqualTo(tree(session.generator().events().stream().map(SessionFileTest::describe).toList()));
    assertThat(tree(back.judgement())).isEqualTo(tree(session.judgement()));
    assertThat(back.judgeConfidence()).hasSize(2);
    assertThat(back.judgeConfidence().get(1)).containsExactly(1, 1000, 4.0, 55.0);
    assertThat(back.classifier().model().arrays().keySet())
        .isEqualTo(session.classifier().model().arrays().keySet());

    // fresh models from the specs, given the saved states, answer exactly as the trained ones
    ImageDataset fixed = DATA.test().head(20);
    ImageClassifier c =
        Models.classifier(back.classifier().spec(), DATA.shape(), DATA.train().classNames());
    ((Persistent) c).restore(back.classifier().model());
    assertThat(c.predictProbabilities(fixed)).isDeepEqualTo(classifier.predictProbabilities(fixed));
    ImageGenerator g = Models.generator(back.generator().spec(), DATA.shape(), DATA.train().classNames());
    ((Persistent) g).restore(back.generator().model());
    assertThat(g.sample(8, 3)).isDeepEqualTo(generator.sample(8, 3));
  }

  /** A value as a JSON tree: maps compare without regard to order, arrays by value. */
  private static Object tree(Object value) {
    return Json.read(Json.write(value), Object.class);
  }

  /** An event's content (records hold arrays, whose equals is identity). */
  private static Object describe(TrainingEvent e) {
    if (e instanceof TrainingEvent.EpochDone ep && ep.predictions() != null) {
      var p = ep.predictions();
      int[] pred = new int[p.size()];
      float[] conf = new float[p.size()];
      for (int i = 0; i < p.size(); i++) {
        pred[i] = p.predicted(i);
        conf[i] = p.confidence(i);
      }
      return List.of(ep.metrics(), pred, conf, ep.epoch());
    }
    return e;
  }

  @Test
  void everySmileModelRoundTripsToo() throws Exception {
    ImageDataset fixed = DATA.test().head(20);
    for (ClassifierKind k :
        List.of(ClassifierKind.LOGISTIC_REGRESSION, ClassifierKind.NAIVE_BAYES, ClassifierKind.RANDOM_FOREST)) {
      ClassifierSpec spec = ClassifierSpec.defaults(k).withEpochs(1).withTrees(10);
      ImageClassifier trained = Fit.classifier(spec, DATA.train(), Fit.Monitor.NONE);
      var bytes = new ByteArrayOutputStream();
      ((Persistent) trained).state().writeTo(bytes);
      ImageClassifier fresh = Models.classifier(spec, DATA.shape(), DATA.train().classNames());
      ((Persistent) fresh).restore(
          ModelState.readFrom(new ByteArrayInputStream(bytes.toByteArray())));
      assertThat(fresh.predictProbabilities(fixed)).as(k.id()).isDeepEqualTo(trained.predictProbabilities(fixed));
    }
  }

  @Test
  void aSaveThatFailsHalfWayLeavesTheOldFileIntact() throws Exception {
    Path file = tmp.resolve("s.duet");
    session.save(file);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file, out -> session.writeTo(new BreaksAfter(out, 10_000)))) // the crash
        .isInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(SessionFile.load(file).classifier().spec()).isEqualTo(session.classifier().spec());
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("s.duet"); // no temp file
    }
  }

  @Test
  void newerBrokenAndForeignFilesGetOneClearMessage() throws Exception {
    Path newer = tmp.resolve("newer.duet");
    try (var zip = new ZipOutputStream(Files.newOutputStream(newer))) {
      zip.putNextEntry(new ZipEntry("session.json"));
      zip.write("{\"format\": 99}".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> SessionFile.load(newer))
        .hasMessageContaining("newer Duet Studio")
        .hasMessageContaining("format 99");
    Path text = tmp.resolve("notes.duet");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> SessionFile.load(text)).hasMessageContaining("is not a Duet Studio session");
    Path truncated = tmp.resolve("cut.duet");
    session.save(truncated);
    byte[] all = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> SessionFile.load(truncated)).isInstanceOf(IOException.class)
        .hasMessageContaining("cut.duet");
    assertThatThrownBy(() -> SessionFile.load(tmp.resolve("missing.duet"))).hasMessageContaining("no session file");
  }

  /** A stream that fails after {@code limit} bytes, as a full disk or a crash would. */
  private static final class BreaksAfter extends FilterOutputStream {
    private long left;

    BreaksAfter(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (--left < 0) {
        throw new IOException("disk full");
      }
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }
  }
}
