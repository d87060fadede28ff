package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.RealImagesGenerator;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.common.BackgroundTask;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.compare.DrawingPadViewModel;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's judge on core/judge, and background tasks, without a window. */
class JudgeViewModelTest {
  private static final long SEED = 7;
  private static TrainTestData data;
  private static ImageClassifier classifier;

  @BeforeAll
  static void models() {
    data = SampleData.small(3000, 600);
    classifier =
        Fit.classifier(ClassifierSpec.defaults(ClassifierKind.NAIVE_BAYES), data.train(), Fit.Monitor.NONE);
  }

  /** A generator side whose (restored) run has finished with a perfect conditional generator. */
  private static GeneratorViewModel finishedGenerator() {
    GeneratorViewModel gen =
        new GeneratorViewModel((job, l) -> { throw new AssertionError(); }, sink -> e -> {});
    GeneratorSpec spec = GeneratorSpec.defaults(GeneratorKind.VAE).withConditional(true).withSeed(SEED);
    gen.restore(
        spec,
        data,
        new RealImagesGenerator(data.train(), false),
        List.of(
            new TrainingEvent.Started("g", 0, "real images", 1, 10, 3000),
            new TrainingEvent.Finished("g", 1, false, 1, Map.of())));
    return gen;
  }

  private static JudgeViewModel judge(GeneratorViewModel gen, ClassifierSpec casSpec) {
    var state = new SimpleObjectProperty<>(RunState.RUNNING);
    JudgeViewModel judge =
        new JudgeViewModel(state, () -> classifier, () -> casSpec, gen, BackgroundTasks.sameThread());
    state.set(RunState.COMPLETED);
    return judge;
  }

  @Test
  void theFindingsAreWhatTheJudgeFindsDirectlyWithTheRunsSeed() {
    GeneratorViewModel gen = finishedGenerator();
    JudgeViewModel vm = judge(gen, null);
    JudgeFindings shown = vm.findingsProperty().get();
    assertThat(shown).isNotNull();
    JudgeSettings settings = JudgeSettings.defaults(SEED, data.train().classNames());
    assertThat(shown.settings()).isEqualTo(settings);

    Judge judge = new Judge(settings);
    JudgeFindings direct = judge.verdict(classifier, gen.model(), data);
    assertThat(shown.judgement().samples()).isEqualTo(settings.samples());
    assertThat(shown.judgement().verdict().counts()).isEqualTo(direct.judgement().verdict().counts());
    assertThat(shown.judgement().verdict().meanConfidence())
        .isEqualTo(direct.judgement().verdict().meanConfidence());
    assertThat(shown.memorisationPairs()).hasSize(2 * settings.memorisationPairs());
    assertThat(shown.fidelity().overall()).isEqualTo(judge.fidelity(classifier, gen.model()).overall());
    assertThat(shown.decisionMap().predicted())
        .isEqualTo(judge.decisionMap(classifier, gen.model()).predicted());
    assertThat(shown.interpolation().predicted())
        .isEqualTo(judge.interpolation(classifier, gen.model(), data.test()).predicted());
    assertThat(shown.cas()).as("CAS waits to be asked for").isNull();
    // the per-part properties follow the findings
    assertThat(vm.judgementProperty().get()).isSameAs(shown.judgement());
    assertThat(vm.fidelityProperty().get()).isSameAs(shown.fidelity());
    assertThat(vm.decisionMapProperty().get()).isSameAs(shown.decisionMap());
    assertThat(vm.interpolationProperty().get()).isSameAs(shown.interpolation());

    // another class on the map: the findings' settings say which
    vm.findings().decisionMap(2);
    assertThat(vm.findingsProperty().get().settings().mapClass()).isEqualTo(2);
    assertThat(vm.decisionMapProperty().get().predicted())
        .isEqualTo(new Judge(settings.withMapClass(2)).decisionMap(classifier, gen.model()).predicted());
  }

  /** A test image written as a grey PNG, {@code scale} times its size, light and dark swapped when asked. */
  private static Path png(Path dir, int index, int scale, boolean invert) throws Exception {
    float[] px = data.test().image(index);
    BufferedImage img = new BufferedImage(28 * scale, 28 * scale, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 28 * scale; y++) {
      for (int x = 0; x < 28 * scale; x++) {
        float v = px[(y / scale) * 28 + x / scale];
        img.getRaster().setSample(x, y, 0, Math.round(255 * (invert ? 1 - v : v)));
      }
    }
    Path f = dir.resolve("item-" + index + "-" + scale + (invert ? "-inverted" : "") + ".png");
    ImageIO.write(img, "png", f.toFile());
    return f;
  }

  @Test
  void theClassifierIsAskedAboutOnePngOfOnesOwn(@TempDir Path dir) throws Exception {
    GeneratorViewModel gen = finishedGenerator();
    JudgeViewModel vm = judge(gen, null);
    assertThat(vm.findings().readyProperty().get()).isTrue();
    int index = 3;
    float[] expected =
        classifier.predictProbabilities(data.test().subset(new int[] {index}, "one"))[0];

    // the same image as a PNG at its own size: the same answer as the image itself
    Path same = png(dir, index, 1, false);
    vm.drawing().ask(same);
    DrawingPadViewModel.Answer a = vm.drawing().answerProperty().get();
    assertThat(a).isNotNull();
    assertThat(a.file()).isEqualTo(same);
    assertThat(a.inverted()).isFalse();
    assertThat(a.drawing()).hasSize(28 * 28);
    assertThat(a.probabilities()).hasSize(10);
    assertThat(LabelFidelity.argmax(a.probabilities())).isEqualTo(LabelFidelity.argmax(expected));
    for (int c = 0; c < 10; c++) {
      assertThat(a.probabilities()[c]).isCloseTo(expected[c], Offset.offset(0.02f));
    }
    assertThat(a.reconstruction()).as("a generator without an encoder").isNull();
    assertThat(vm.drawing().statusProperty().get()).isEmpty();

    // four times as big and dark on light, like a photo: scaled down, inverted, the same class
    Path photo = png(dir, index, 4, true);
    vm.drawing().ask(photo);
    DrawingPadViewModel.Answer b = vm.drawing().answerProperty().get();
    assertThat(b.file()).isEqualTo(photo);
    assertThat(b.inverted()).isTrue();
    assertThat(b.drawing()).hasSize(28 * 28);
    assertThat(b.drawing()[0]).as("the background made dark like the data's").isLessThan(0.1f);
    assertThat(LabelFidelity.argmax(b.probabilities())).isEqualTo(LabelFidelity.argmax(expected));

    // a file that is no image: one sentence, the last answer stays
    Path notes = Files.writeString(dir.resolve("notes.png"), "not an image");
    vm.drawing().ask(notes);
    assertThat(vm.drawing().statusProperty().get()).contains("notes.png").contains("could not be read as an image");
    assertThat(vm.drawing().answerProperty().get()).isSameAs(b);
  }

  @Test
  void askingBeforeBothSidesHaveFinishedSaysSo(@TempDir Path dir) throws Exception {
    GeneratorViewModel gen = finishedGenerator();
    var state = new SimpleObjectProperty<>(RunState.RUNNING);
    JudgeViewModel vm =
        new JudgeViewModel(state, () -> classifier, () -> null, gen, BackgroundTasks.sameThread());
    vm.drawing().ask(png(dir, 0, 1, false));
    assertThat(vm.drawing().statusProperty().get()).startsWith("Train both sides first");
    assertThat(vm.drawing().answerProperty().get()).isNull();
  }

  @Test
  void theJudgeIsBusyWhileItComputesAndSaysWhat() {
    GeneratorViewModel gen = finishedGenerator();
    List<BackgroundTask<?>> queued = new ArrayList<>();
    BackgroundTasks later =
        new BackgroundTasks() {
          @Override
          public <T> void run(BackgroundTask<T> task) {
            queued.add(task);
          }
        };
    var state = new SimpleObjectProperty<>(RunState.RUNNING);
    JudgeViewModel vm = new JudgeViewModel(state, () -> classifier, () -> null, gen, later);
    assertThat(vm.findings().busyProperty().get()).isFalse();
    state.set(RunState.COMPLETED);
    assertThat(vm.findings().busyProperty().get()).isTrue();
    assertThat(vm.findings().workingOnProperty().get()).isEqualTo("The judge");
    BackgroundTasks.sameThread().run(queued.remove(0));
    assertThat(vm.findings().judgementProperty().get()).isNotNull();
    assertThat(vm.findings().workingOnProperty().get()).isNotEqualTo("The judge");
    while (!queued.isEmpty()) {
      BackgroundTasks.sameThread().run(queued.remove(0));
    }
    assertThat(vm.findings().busyProperty().get()).isFalse();
    assertThat(vm.findings().workingOnProperty().get()).isEmpty();
  }

  @Test
  void aStoppedCasReportsStoppedAndLeavesNoScore() {
    GeneratorViewModel gen = finishedGenerator();
    JudgeViewModel vm =
        judge(gen, ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(2));
    List<Double> progress = new ArrayList<>();
    vm.cas().progressProperty().addListener(
        (o, a, p) -> {
          progress.add(p.doubleValue());
          if (p.doubleValue() > 0) {
            vm.cas().cancel(); // Stop, once it has begun
          }
        });
    vm.cas().run();
    assertThat(progress).isNotEmpty();
    assertThat(vm.cas().statusProperty().get()).isEqualTo("Stopped.");
    assertThat(vm.cas().progressProperty().get()).isEqualTo(-1);
    assertThat(vm.casProperty().get()).isNull();
    assertThat(vm.findingsProperty().get().cas()).isNull();
  }

  @Test
  void aNewGeneratorRunClearsTheFindings() {
    GeneratorViewModel gen = finishedGenerator();
    JudgeViewModel vm = judge(gen, null);
    assertThat(vm.findingsProperty().get()).isNotNull();
    gen.restore(
        gen.runSpec(), data, gen.model(), List.of(new TrainingEvent.Started("h", 0, "again", 1, 10, 3000)));
    assertThat(vm.findingsProperty().get()).isNull();
    assertThat(vm.findings().readyProperty().get()).isFalse();
  }

  @Test
  void aCancelledTaskReportsStoppedNotItsResult() {
    List<String> seen = new ArrayList<>();
    BackgroundTask<Integer> task =
        BackgroundTask.of(
            c -> {
              c.progress(0.5);
              if (c.cancelled()) {
                throw new CancellationException();
              }
              return 1;
            });
    task.onProgress(p -> task.cancel())
        .onSuccess(r -> seen.add("success"))
        .onCancelled(() -> seen.add("stopped"))
        .onFailure(t -> seen.add("failed"));
    BackgroundTasks.sameThread().oneAtATime().run(task);
    assertThat(seen).containsExactly("stopped");
    List<Object> outcome = new ArrayList<>();
    BackgroundTasks.sameThread()
        .run(() -> { throw new IllegalStateException("no"); }, outcome::add, outcome::add);
    assertThat(outcome).singleElement().isInstanceOf(IllegalStateException.class);
  }
}
