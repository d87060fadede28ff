package org.duetstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.Provenance;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuetCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new DuetCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void trainWritesMetricsFiguresAndProvenance() throws Exception {
    Path dir = tmp.resolve("run");
    int code =
        run(
            "train", "--data", "sample", "--classifier", "logreg", "--generator", "vae",
            "--epochs", "2", "--train-limit", "1500", "--test-limit", "300", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(console).contains("[logreg] epoch 2/2").contains("[vae] epoch 2/2").contains("results written to");
    for (String f :
        List.of(
            "metrics.json", "logreg-epochs.csv", "logreg-steps.csv", "vae-epochs.csv", "predictions.png",
            "samples.png", "reconstructions.png", "confusion.txt", "provenance-logreg.json",
            "provenance-vae.json")) {
      assertThat(dir.resolve(f)).as(f).isRegularFile();
    }
    @SuppressWarnings("unchecked")
    var metrics = (Map<String, Object>) Json.read(Files.readString(dir.resolve("metrics.json")), Map.class);
    assertThat(metrics).containsKeys("classifier", "generator");
    assertThat(Files.readAllLines(dir.resolve("logreg-epochs.csv"))).hasSize(3);
    String prov = Files.readString(dir.resolve("provenance-logreg.json"));
    assertThat(prov).contains("\"seed\" : 42").contains("trainFingerprint").contains("\"smile-core\" : \"6.2.5\"").contains("\"duet-studio\" : \"0.1.0-SNAPSHOT\"");
    assertThat(ImageIO.read(dir.resolve("samples.png").toFile()).getWidth()).isGreaterThan(200);
    // both sides trained: the classifier's verdict on 1,000 generated images (no features in logreg)
    String judge = Files.readString(dir.resolve("judge.json"));
    assertThat(judge).contains("\"samples\" : 1000").contains("\"frechet\" : null").contains("meanConfidence");
    assertThat(console).contains("[judge] On 1,000 generated images").contains("[judge] Memorisation:");
    // written as it went: every event, and a checkpoint of each side after its last epoch
    assertThat(Files.readAllLines(dir.resolve("classifier-events.jsonl"))).hasSizeGreaterThan(4);
    assertThat(dir.resolve("generator-checkpoint.bin")).isRegularFile();
    assertThat(dir.resolve("report.html")).isRegularFile();
    assertThat(dir.resolve("memorisation.png")).isRegularFile();
    assertThat(judge).contains("realTestMeanDistance");
    for (String f : List.of("decision-map.png", "decision-map.json", "interpolation.png", "clusters.json")) {
      assertThat(dir.resolve(f)).as(f).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("clusters.json"))).contains("adjustedRand").contains("latentCodes");

    // the same run again from its provenance: same data, same seeds, the same numbers
    Path again = tmp.resolve("again");
    out.reset();
    assertThat(run("train", "--rerun", dir.toString(), "--out", again.toString())).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("same numbers");
  }

  @Test
  void aConditionalRunWritesLabelFidelityAndCas() throws Exception {
    Path dir = tmp.resolve("cond");
    int code =
        run(
            "train", "--classifier", "nb", "--generator", "vae", "--conditional", "--epochs", "2",
            "--train-limit", "1500", "--test-limit", "300", "--cas-images", "500", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    String fidelity = Files.readString(dir.resolve("label-fidelity.json"));
    assertThat(fidelity).contains("overall").contains("Sneaker");
    String cas = Files.readString(dir.resolve("cas.json"));
    assertThat(cas).contains("trainedOnGenerated").contains("trainedOnReal").contains("\"trainImages\" : 500");
  }

  @Test
  void aLatentDiffusionRunAnswersAPromptAndMeasuresItsGuidance() throws Exception {
    Path dir = tmp.resolve("diffusion");
    int code =
        run(
            "train", "--data", "sample", "--classifier", "logreg", "--generator", "latent-diffusion",
            "--epochs", "2", "--train-limit", "1500", "--test-limit", "300", "--prompt", "two bags",
            "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(console).contains("[prompt] \"two bags\": 2 × Bag → prompt.png");
    assertThat(ImageIO.read(dir.resolve("prompt.png").toFile()).getWidth()).isGreaterThan(100);
    // the judge drew the same noise at every guidance and wrote the trade-off
    String guidance = Files.readString(dir.resolve("guidance.json"));
    assertThat(guidance).contains("\"guidance\" : 0.0").contains("\"guidance\" : 8.0").contains("variety");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("Guidance against label fidelity");
    // one sample's walk from noise to picture through the classifier's eyes
    assertThat(Files.readString(dir.resolve("denoising.json"))).contains("from noise").contains("\"label\"");
    assertThat(dir.resolve("denoising.png")).isRegularFile();
    assertThat(console).contains("[judge] Guidance against label fidelity and variety");

    // a prompt for a generator that cannot be asked for a class: one sentence
    out.reset();
    assertThat(
            run(
                "train", "--data", "sample", "--generator", "vae", "--epochs", "1", "--train-limit", "300",
                "--test-limit", "100", "--prompt", "a bag", "--out", tmp.resolve("vae").toString()))
        .isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("a prompt needs a class-conditional generator");
  }

  @Test
  void anExperimentWritesItsTable() throws Exception {
    Path dir = tmp.resolve("exp");
    int code =
        run("experiment", "gen-vs-disc", "--data", "sample", "--sizes", "20,200", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(dir.resolve("gen-vs-disc.csv"))).hasSize(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("naive Bayes").contains("[1/2] 20 training images");
    assertThat(Files.readString(dir.resolve("gen-vs-disc.html"))).contains("<td>20,200</td>");
    assertThat(Files.readString(dir.resolve("gen-vs-disc.json"))).contains("\"sizes\" : \"20,200\"");
    // a bad value is refused naming the option; the help lists every experiment's options
    assertThat(run("experiment", "gen-vs-disc", "--sizes", "20,x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("sizes: expected whole numbers");
    out.reset();
    assertThat(run("help", "experiment")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("gen-vs-disc")
        .contains("few-labels")
        .contains("--generator-epochs")
        .contains("(default 10,100,1000)");
    assertThat(run("experiment", "diffusion")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown experiment 'diffusion'");
  }

  @Test
  void aSavedSessionRerunsFromTheCommandLineWithTheSameNumbers() throws Exception {
    var data = SampleData.small(800, 200);
    var spec =
        ClassifierSpec.defaults(
                ClassifierKind.LOGISTIC_REGRESSION)
            .withEpochs(2);
    var job = new ClassifierJob(spec, data);
    List<TrainingEvent> events =
        new CopyOnWriteArrayList<>();
    try (var engine = new TrainingEngine()) {
      engine.start(job, events::add).completion().get(2, TimeUnit.MINUTES);
    }
    Path file = tmp.resolve("lr.duet");
    new SessionFile(
            SessionFile.FORMAT,
            "test",
            "now",
            Provenance.DataRecord.of(data),
            new SessionFile.Side<>(
                spec, events, ((Persistent) job.model()).state()),
            null,
            null,
            List.of())
        .save(file);
    Path dir = tmp.resolve("lr-again");
    assertThat(run("train", "--rerun", file.toString(), "--out", dir.toString())).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("same numbers");
  }

  @Test
  void aRerunOfAFolderWithoutProvenanceIsRefused() {
    assertThat(run("train", "--rerun", tmp.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no provenance");
  }

  @Test
  void badInputGetsOneClearLineAndExitCode2() throws Exception {
    assertThat(run("train", "--data", tmp.resolve("missing").toString(), "--classifier", "cnn")).isEqualTo(2);
    assertThat(err.toString()).contains("missing: does not exist").doesNotContain("Exception");
    err.reset();
    Path corrupt = Files.createDirectories(tmp.resolve("bad"));
    Files.write(corrupt.resolve("train-images-idx3-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
    Files.write(corrupt.resolve("train-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
    assertThat(run("train", "--data", corrupt.toString(), "--classifier", "cnn")).isEqualTo(2);
    assertThat(err.toString()).contains("train-images-idx3-ubyte.gz: is a").contains("gzip");
    err.reset();
    assertThat(run("train", "--classifier", "cnn", "--epohcs", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option '--epohcs'; did you mean --epochs?");
    err.reset();
    assertThat(run("train", "--classifier", "svm")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown classifier 'svm'");
    err.reset();
    assertThat(run("train", "--classifier", "cnn", "--epochs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("Epochs must be between 1 and 1000");
  }
}
