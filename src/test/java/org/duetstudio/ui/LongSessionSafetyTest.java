package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.duetstudio.app.AppContext;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.core.studio.Sessions;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.common.BackgroundTask;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.FxTaskExecutor;
import org.duetstudio.ui.common.SameThreadTasks;
import org.duetstudio.ui.shell.RecentViewModel;
import org.duetstudio.ui.shell.SessionsViewModel;
import org.duetstudio.ui.shell.StudioViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a long session must survive, through the view models as the window drives them (FX thread, the
 * real executors): closing the studio while a session is being saved, opening a session while training
 * runs, starting a run while the previous one is still stopping — and a replaced run's model is closed.
 * Small subsets, an MLP and a small VAE.
 */
class LongSessionSafetyTest {
  @TempDir Path tmp;
  private List<Throwable> fxErrors;
  private AppContext context;
  private StudioViewModel vm;

  @BeforeEach
  void studio() throws Exception {
    fxErrors = FxThread.start();
    context = new AppContext(new DatasetLocator(), new FxTaskExecutor(), tmp.resolve("home"));
    vm = context.studio();
    String backend = Nd4jRuntime.ensureLoaded();
    FxThread.run(
        () -> {
          vm.backendLoaded(backend);
          vm.dataset().trainLimitProperty().set(300);
          vm.dataset().testLimitProperty().set(100);
          vm.dataset().open("sample");
        });
    FxThread.waitUntil(120, () -> vm.canTrainProperty().get());
  }

  @AfterEach
  void close() throws Exception {
    FxThread.run(context::close);
    assertThat(fxErrors).as("exceptions on the FX thread").isEmpty();
  }

  /** Trains both sides for {@code epochs} epochs; with {@code toTheEnd}, waits until both completed. */
  private void trainBoth(int epochs, boolean toTheEnd) throws Exception {
    FxThread.run(
        () -> {
          vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.MLP).withEpochs(epochs));
          vm.generator().specProperty().set(GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(epochs));
          vm.trainBoth();
        });
    if (toTheEnd) {
      FxThread.waitUntil(180, () -> !vm.anyActiveProperty().get());
      assertThat(FxThread.call(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.COMPLETED);
      assertThat(FxThread.call(() -> vm.generator().stateProperty().get())).isEqualTo(RunState.COMPLETED);
    } else {
      FxThread.waitUntil(
          120,
          () ->
              vm.classifier().stateProperty().get() == RunState.RUNNING
                  && vm.generator().stateProperty().get() == RunState.RUNNING);
    }
  }

  private Path savedSession(String name) throws Exception {
    Path file = tmp.resolve(name);
    SessionsViewModel sessions = context.shell().sessions();
    FxThread.run(() -> sessions.save(file));
    FxThread.waitUntil(60, () -> sessions.statusProperty().get().startsWith("Saved"));
    return file;
  }

  private static List<Path> leftovers(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void closingTheStudioWhileASessionIsSavedLeavesTheWholeFileAndThenFreesTheModels() throws Exception {
    trainBoth(1, true);
    Path file = savedSession("long.duet");
    byte[] old = Files.readAllBytes(file);
    ImageClassifier classifier = FxThread.call(() -> vm.classifier().model());
    ImageGenerator generator = FxThread.call(() -> vm.generator().model());
    SessionsViewModel sessions = context.shell().sessions();

    // Save, then close at once, as the window's close button during a save: one FX event after the other
    FxThread.run(
        () -> {
          sessions.save(file);
          context.close();
        });

    assertThat(leftovers(tmp)).as("temporary files").isEmpty();
    byte[] now = Files.readAllBytes(file);
    // the old file or the whole new one: either opens with both sides
    var opened = Sessions.open(file, new DatasetLocator());
    assertThat(opened.pair().classifier()).isNotNull();
    assertThat(opened.pair().generator()).isNotNull();
    opened.pair().closeModels();
    if (!Arrays.equals(now, old)) {
      FxThread.waitUntil(30, () -> sessions.statusProperty().get().startsWith("Saved"));
    }
    // the save had the models (it read their weights first); the close freed them after it
    assertThatThrownBy(() -> classifier.predictProbabilities(opened.pair().data().test()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("This model has been closed");
    assertThatThrownBy(() -> generator.sample(1, 1)).isInstanceOf(IllegalStateException.class);
  }

  /** Tasks that run when the test says: the reading of a session "takes" as long as the test wants. */
  private static final class Deferred implements BackgroundTasks {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> void run(BackgroundTask<T> task) {
      pending.add(() -> new SameThreadTasks().run(task));
    }

    void runAll() {
      pending.forEach(Runnable::run);
      pending.clear();
    }
  }

  @Test
  void openingASessionWhileTrainingIsRefusedWithOneSentenceAndChangesNothing() throws Exception {
    trainBoth(1, true);
    Path file = savedSession("before.duet");
    Deferred slowReads = new Deferred();
    SessionsViewModel window = context.shell().sessions();
    SessionsViewModel slow =
        new SessionsViewModel(
            vm, vm.dataset().locator(), slowReads, context.shell().modelWork(),
            new RecentViewModel(new RecentItems(tmp.resolve("recent.json")), BackgroundTasks.sameThread()));
    FxThread.run(() -> slow.open(file)); // idle now: it starts reading

    trainBoth(100, false);
    ImageClassifier classifier = FxThread.call(() -> vm.classifier().model());
    ImageGenerator generator = FxThread.call(() -> vm.generator().model());
    var source = FxThread.call(() -> vm.dataset().sourceProperty().get());

    FxThread.run(() -> window.open(file)); // training: refused at once
    FxThread.run(slowReads::runAll); // the slow read ends while training: refused when it would show
    for (SessionsViewModel s : List.of(window, slow)) {
      assertThat(FxThread.call(() -> s.statusProperty().get()))
          .isEqualTo("Stop training first: opening a session replaces both sides.");
      assertThat(FxThread.call(() -> s.openedProperty().get())).isNull();
    }
    assertThat(FxThread.call(() -> vm.classifier().model())).isSameAs(classifier);
    assertThat(FxThread.call(() -> vm.generator().model())).isSameAs(generator);
    assertThat(FxThread.call(() -> vm.dataset().sourceProperty().get())).isSameAs(source);
    assertThat(FxThread.call(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.RUNNING);
    assertThat(FxThread.call(() -> vm.generator().stateProperty().get())).isEqualTo(RunState.RUNNING);
    assertThat(FxThread.call(() -> vm.classifier().specProperty().get().epochs())).isEqualTo(100);
  }

  @Test
  void startingWhileThePreviousRunsStopIsSafeAndAReplacedModelIsClosed() throws Exception {
    trainBoth(100, false);
    ImageClassifier first = FxThread.call(() -> vm.classifier().model());
    FxThread.run(
        () -> {
          vm.stopBoth();
          vm.trainBoth(); // both sides still stopping: left alone
        });
    FxThread.waitUntil(120, () -> !vm.anyActiveProperty().get());
    assertThat(FxThread.call(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.CANCELLED);
    assertThat(FxThread.call(() -> vm.classifier().model())).isSameAs(first);
    float[][] answers = first.predictProbabilities(FxThread.call(() -> vm.classifier().runData()).test());
    assertThat(answers).hasNumberOfRows(100);

    trainBoth(100, false); // replaces the stopped run: its model is closed on the model lane
    FxThread.waitUntil(30, () -> {
      try {
        first.predictProbabilities(vm.classifier().runData().test());
        return false;
      } catch (IllegalStateException closed) {
        return true;
      }
    });
    assertThat(FxThread.call(() -> vm.classifier().model())).isNotSameAs(first);
    FxThread.run(vm::stopBoth);
    FxThread.waitUntil(120, () -> !vm.anyActiveProperty().get());
  }
}
