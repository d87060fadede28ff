package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.assertj.core.data.Offset;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.LossPart;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.GanHealth;
import org.duetstudio.core.eval.SampleVerdictTest;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.curves.CurvePoint;
import org.duetstudio.ui.curves.Curves;
import org.duetstudio.ui.generator.GeneratorViewModel;
import org.junit.jupiter.api.Test;

/** View models fed with recorded event sequences: no window, no engine. */
class ViewModelTest {
  private static ClassifierViewModel classifierVm() {
    return new ClassifierViewModel(
        (job, l) -> {
          throw new AssertionError("no run in this test");
        },
        sink -> e -> {});
  }

  @Test
  void classifierCurvesProgressAndPredictionsFollowTheEvents() {
    ClassifierViewModel vm = classifierVm();
    List<TrainingEvent> run = RecordedRuns.classifier("run-1");
    vm.accept(run.subList(0, 3)); // started + 2 steps
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.RUNNING);
    assertThat(vm.progressProperty().get()).isEqualTo(2 / 8.0);
    assertThat(vm.lossCurves().size(ClassifierViewModel.TRAIN_LOSS)).isEqualTo(2);
    CurvePoint second = vm.lossCurves().points(ClassifierViewModel.TRAIN_LOSS).get(1);
    assertThat(second.epochs()).isEqualTo(0.5); // step 2 of 4
    assertThat(second.images()).isEqualTo(20);
    assertThat(second.value()).isEqualTo(1.0);
    assertThat(vm.predictionsProperty().get()).isNull();

    vm.accept(run.subList(3, run.size()));
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    assertThat(vm.lossCurves().size(ClassifierViewModel.TRAIN_LOSS)).isEqualTo(8);
    assertThat(vm.lossCurves().size(ClassifierViewModel.TEST_LOSS)).isEqualTo(2);
    List<CurvePoint> acc = vm.accuracyCurves().points(ClassifierViewModel.TEST_ACCURACY);
    assertThat(acc).hasSize(2);
    assertThat(acc.get(0).value()).isCloseTo(400 / 6.0, Offset.offset(1e-9));
    assertThat(acc.get(1).value()).isCloseTo(500 / 6.0, Offset.offset(1e-9));
    assertThat(vm.confusionProperty().get().total()).isEqualTo(6);
    assertThat(vm.cell(2, 1)).containsExactly(5); // the last epoch's one mistake
    assertThat(vm.statusProperty().get()).startsWith("Done after 2 epochs");
  }

  @Test
  void generatorShowsSamplesSnapshotAndFailure() {
    GeneratorViewModel vm =
        new GeneratorViewModel((job, l) -> { throw new AssertionError(); }, sink -> e -> {});
    vm.accept(RecordedRuns.generator("run-9"));
    assertThat(vm.samplesProperty().get().epoch()).isEqualTo(1);
    assertThat(vm.snapshotProperty().get().hasLatentMap()).isTrue();
    assertThat(vm.partCurves().size(LossPart.RECONSTRUCTION.displayName())).isEqualTo(3);
    assertThat(vm.partCurves().size(LossPart.KL.displayName())).isEqualTo(3);
    assertThat(vm.lossCurves().size(GeneratorViewModel.TEST_LOSS)).isEqualTo(1);
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.FAILED);
    assertThat(vm.failureProperty().get()).contains("became NaN");
  }

  @Test
  void aGanWhoseDiscriminatorWinsOrWhoseSamplesCollapseIsFlagged() {
    GeneratorViewModel vm =
        new GeneratorViewModel((job, l) -> { throw new AssertionError(); }, sink -> e -> {});
    vm.kindProperty().set(GeneratorKind.GAN);
    var shape = new ImageShape(2, 2, 1);
    List<float[]> grid = List.of(new float[4], new float[4]);
    List<TrainingEvent> run = new ArrayList<>();
    run.add(new TrainingEvent.Started("g", 0, "gan", 1, 40, 400));
    for (int it = 1; it <= 40; it++) {
      run.add(
          new TrainingEvent.IterationDone(
              "g", it, 1, it, 10L * it,
              Map.of("loss", 5.0, "generator", 5.0, "discriminator", 0.33, "d_real", 0.9, "d_fake", 0.005),
              0.1));
    }
    run.add(new TrainingEvent.SamplesReady("g", 41, 1, 40, shape, grid, 8, 0.9));
    vm.accept(run);
    assertThat(vm.healthProperty().get().verdict())
        .isEqualTo(GanHealth.Verdict.DISCRIMINATOR_WON);
    vm.accept(List.of(new TrainingEvent.SamplesReady("g", 42, 1, 40, shape, grid, 8, 0.9)));
    assertThat(vm.healthProperty().get().healthy()).isFalse();
    // a fresh run: balanced scores, collapsed samples
    List<TrainingEvent> collapsed = new ArrayList<>();
    collapsed.add(new TrainingEvent.Started("h", 0, "gan", 1, 5, 50));
    for (int it = 1; it <= 5; it++) {
      collapsed.add(
          new TrainingEvent.IterationDone(
              "h", it, 1, it, 10L * it,
              Map.of("loss", 1.0, "generator", 1.0, "discriminator", 1.2, "d_real", 0.6, "d_fake", 0.4),
              0.1));
    }
    collapsed.add(new TrainingEvent.SamplesReady("h", 6, 1, 5, shape, grid, 8, 0.05));
    vm.accept(collapsed);
    assertThat(vm.healthProperty().get().verdict())
        .isEqualTo(GanHealth.Verdict.COLLAPSED);
  }

  /** A view model whose picture code fails on every sample grid. */
  private static final class BrokenPictures extends RunViewModel {
    BrokenPictures() {
      super((job, l) -> { throw new AssertionError(); }, sink -> e -> {});
    }

    @Override
    protected void reset() {}

    @Override
    protected void onIteration(TrainingEvent.IterationDone e, At at) {}

    @Override
    protected void onEpoch(TrainingEvent.EpochDone e, At at) {}

    @Override
    protected void onSamples(TrainingEvent.SamplesReady e) {
      throw new IllegalStateException("a broken picture");
    }

    @Override
    protected void afterBatch() {}
  }

  @Test
  void aViewFailingOnOneEventStillSeesTheRunEnd() {
    BrokenPictures vm = new BrokenPictures();
    List<TrainingEvent> run = new ArrayList<>(RecordedRuns.generator("r"));
    run.remove(run.size() - 1); // the recorded run ends in a failure; end it normally instead
    run.add(new TrainingEvent.Finished("r", 4, false, 1, Map.of()));
    vm.accept(run); // the grids fail, in the same batch as the run's end
    assertThat(vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
    assertThat(vm.isActive()).isFalse();
  }

  @Test
  void theJudgeWaitsForAFinishedClassifierThenJudgesEachGrid() {
    GeneratorViewModel gen =
        new GeneratorViewModel((job, l) -> { throw new AssertionError(); }, sink -> e -> {});
    var state = new SimpleObjectProperty<RunState>(RunState.RUNNING);
    var judge =
        new JudgeViewModel(
            state,
            () ->
                SampleVerdictTest.firstPixelClassifier(
                    0.9f, new ImageShape(2, 2, 1)),
            gen,
            BackgroundTasks.sameThread());
    List<TrainingEvent> run = RecordedRuns.generator("g");
    gen.accept(run.subList(0, 2)); // started, first grid: the classifier is still training
    assertThat(judge.verdictProperty().get()).isNull();
    state.set(RunState.COMPLETED); // now the newest grid is judged at once
    assertThat(judge.verdictProperty().get().total()).isEqualTo(2);
    gen.accept(run.subList(2, run.size())); // three steps, an epoch, one more grid
    assertThat(judge.confidenceCurves().size(JudgeViewModel.CONFIDENCE))
        .isEqualTo(2);
    assertThat(judge.verdictProperty().get().meanConfidence())
        .isCloseTo(0.9, Offset.offset(1e-6));
  }

  @Test
  void decimationKeepsTheShapeAndTheEnds() {
    List<CurvePoint> pts = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      pts.add(new CurvePoint(i / 100.0, i, i / 10.0, 100.0 - i / 100.0));
    }
    List<CurvePoint> d = Curves.decimate(pts, 300);
    assertThat(d).hasSize(300);
    assertThat(d.get(299)).isEqualTo(pts.get(9999));
    for (int k = 1; k < d.size(); k++) {
      assertThat(d.get(k).value()).isLessThan(d.get(k - 1).value()); // still falling
    }
    assertThat(Curves.decimate(pts.subList(0, 10), 300)).hasSize(10);
  }
}
