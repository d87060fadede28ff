package org.duetstudio.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.RealImagesGenerator;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.training.Fit;
import org.junit.jupiter.api.Test;

/** The experiments on small subsets: the shape of their results, and their reference points. */
class ExperimentsTest {
  private static final TrainTestData DATA = SampleData.small(3000, 500);

  private static void inRange(ExperimentResult r) {
    for (ExperimentResult.Row row : r.rows()) {
      assertThat(row.accuracy()).hasSize(r.series().size());
      for (double a : row.accuracy()) {
        if (!Double.isNaN(a)) {
          assertThat(a).isBetween(0.0, 1.0);
        }
      }
    }
  }

  @Test
  void generativeVsDiscriminativeGivesOneAccuracyPerModelAndSize() {
    List<String> points = new ArrayList<>();
    List<Double> progress = new ArrayList<>();
    List<Integer> measured = new ArrayList<>();
    ExperimentResult r =
        GenerativeVsDiscriminative.run(
            DATA,
            new int[] {20, 100, 1000, 5000},
            1,
            new ExperimentMonitor() {
              @Override
              public void point(int index, int total, String what) {
                points.add(index + "/" + total + " " + what);
              }

              @Override
              public void progress(double fraction) {
                progress.add(fraction);
              }

              @Override
              public void measured(List<String> series, List<ExperimentResult.Row> rows) {
                measured.add(rows.size());
              }
            });
    assertThat(measured).containsExactly(1, 2, 3, 4); // each point as soon as it is measured
    // 5000 is capped at the 3,000 training images
    assertThat(r.rows()).extracting(ExperimentResult.Row::x).containsExactly(20.0, 100.0, 1000.0, 3000.0);
    assertThat(points).hasSize(4).first().asString().startsWith("0/4 20 training");
    assertThat(progress).isSorted();
    inRange(r);
    double[] big = r.rows().get(3).accuracy();
    assertThat(big[0]).as("naive Bayes").isGreaterThan(0.55);
    assertThat(big[1]).as("logistic regression").isGreaterThan(0.7);
    assertThat(r.conclusion()).contains("%");
    assertThat(r.toCsv().lines()).hasSize(5).first().isEqualTo("x,label,naive Bayes,logistic regression");
  }

  @Test
  void fewLabelsComparesPixelsWithLatentCodes() {
    GeneratorSpec vae = GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(2);
    ExperimentResult r =
        FewLabels.run(
            DATA,
            vae,
            ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION),
            new int[] {10, 100, 1000},
            1,
            ExperimentMonitor.NONE);
    assertThat(r.rows()).hasSize(3);
    assertThat(r.series()).containsExactly("raw pixels", "VAE latent codes");
    inRange(r);
    // both learn from 1,000 labels, far above chance (0.1)
    assertThat(r.rows().get(2).accuracy()[0]).isGreaterThan(0.6);
    assertThat(r.rows().get(2).accuracy()[1]).isGreaterThan(0.5);
    assertThatThrownBy(
            () ->
                FewLabels.run(
                    DATA,
                    GeneratorSpec.defaults(GeneratorKind.GAN),
                    ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION),
                    new int[] {10},
                    1,
                    ExperimentMonitor.NONE))
        .hasMessageContaining("unconditional VAE");
  }

  @Test
  void syntheticDataRealOnlyPointMatchesAPlainTrainingRun() {
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(3);
    ExperimentResult r =
        SyntheticData.run(
            DATA,
            new RealImagesGenerator(DATA.train(), false),
            spec,
            500,
            new double[] {0, 1},
            7,
            ExperimentMonitor.NONE);
    // real only, +500, synthetic only
    assertThat(r.rows()).hasSize(3);
    inRange(r);
    ImageDataset real = Experiments.balanced(DATA.train(), 500, 7);
    double plain =
        Experiments.accuracy(
            Fit.classifier(Experiments.enoughSteps(spec, 500, 300), real, Fit.Monitor.NONE), DATA.test());
    assertThat(r.rows().get(0).accuracy()[0]).isEqualTo(plain);
    // a perfect generator's images are real images: training on them only is about as good
    assertThat(r.rows().get(2).accuracy()[0]).isGreaterThan(plain - 0.08);
    assertThat(r.rows().get(2).label()).contains("CAS");
  }

  @Test
  void anExperimentStopsWhenAsked() {
    assertThatThrownBy(
            () ->
                GenerativeVsDiscriminative.run(
                    DATA,
                    new int[] {1000},
                    1,
                    new ExperimentMonitor() {
                      @Override
                      public boolean cancelled() {
                        return true;
                      }
                    }))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void augmentationMirrorsAndShifts() {
    ImageShape s = new ImageShape(3, 2, 1);
    float[] img = {1, 2, 3, 4, 5, 6};
    assertThat(Augment.transform(img, s, true, 0, 0)).containsExactly(3, 2, 1, 6, 5, 4);
    assertThat(Augment.transform(img, s, false, 1, 0)).containsExactly(0, 1, 2, 0, 4, 5);
    assertThat(Augment.transform(img, s, false, 0, 1)).containsExactly(0, 0, 0, 1, 2, 3);
    ImageDataset aug = Augment.flipsAndShifts(DATA.train(), 50, 1);
    assertThat(aug.size()).isEqualTo(50);
    assertThat(aug.classNames()).isEqualTo(DATA.train().classNames());
  }

  @Test
  void balancedSubsetsHaveEveryClassEqually() {
    ImageDataset b = Experiments.balanced(DATA.train(), 100, 3);
    assertThat(b.classCounts()).containsOnly(10);
  }

  @Test
  void theRegistryParsesSettingsFromTextWithItsDefaults() {
    for (Experiment e : Experiment.values()) {
      assertThat(Experiment.fromId(e.id())).isEqualTo(e);
      // every setting shown has a value, and the defaults read back as themselves
      assertThat(e.defaults().values().keySet())
          .containsExactlyElementsOf(e.settings().stream().map(Setting::key).toList());
      assertThat(e.parse(Map.of())).isEqualTo(e.defaults());
      assertThat(e.parse(e.defaults().values())).isEqualTo(e.defaults());
      assertThat(e.defaults().experiment()).isEqualTo(e);
      assertThat(e.defaults().seed()).isEqualTo(ExperimentSettings.DEFAULT_SEED);
    }
    assertThat(Experiment.GEN_VS_DISC.parse(Map.of("sizes", "20, 1_000", "seed", "3")))
        .isEqualTo(new GenVsDiscSettings(List.of(20, 1000), 3));
    assertThat(Experiment.FEW_LABELS.parse(Map.of("classifier", "nb", "latent", "8")))
        .isEqualTo(new FewLabelsSettings(List.of(10, 100, 1000), ClassifierKind.NAIVE_BAYES, 10, 8, 42));
    assertThat(((SyntheticSettings) Experiment.SYNTHETIC.parse(Map.of("extra", "0,0.5"))).extra())
        .containsExactly(0.0, 0.5);
    assertThat(Experiment.SYNTHETIC.usesGenerator()).isTrue();
    assertThat(Experiment.GEN_VS_DISC.usesGenerator()).isFalse();
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Experiment.GEN_VS_DISC.parse(Map.of("sizes", "20,x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sizes");
    assertThatThrownBy(() -> Experiment.GEN_VS_DISC.parse(Map.of("sizes", "0")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Experiment.GEN_VS_DISC.parse(Map.of("labels", "10")))
        .hasMessageContaining("unknown setting 'labels'");
    assertThatThrownBy(() -> Experiment.FEW_LABELS.parse(Map.of("classifier", "svm")))
        .hasMessageContaining("unknown classifier");
    assertThatThrownBy(() -> Experiment.SYNTHETIC.parse(Map.of("extra", "0,-1")))
        .hasMessageContaining("extra");
    assertThatThrownBy(() -> Experiment.SYNTHETIC.parse(Map.of("extra", "1,2")))
        .hasMessageContaining("first multiple must be 0");
    assertThatThrownBy(() -> Experiment.fromId("diffusion")).hasMessageContaining("gen-vs-disc, few-labels or synthetic");
    assertThatThrownBy(
            () -> Experiment.FEW_LABELS.run(ExperimentInput.of(DATA), GenVsDiscSettings.DEFAULTS, ExperimentMonitor.NONE))
        .hasMessageContaining("settings of gen-vs-disc");
  }

  @Test
  void theSyntheticExperimentTrainsItsOwnGeneratorFirstWhenNoneIsGiven() {
    List<String> points = new ArrayList<>();
    List<Double> progress = new ArrayList<>();
    SyntheticSettings s =
        new SyntheticSettings(200, List.of(0.0, 1.0), ClassifierKind.NAIVE_BAYES, GeneratorKind.VAE, 1, 5);
    ExperimentResult r =
        Experiment.SYNTHETIC.run(
            ExperimentInput.of(SampleData.small(600, 200)),
            s,
            new ExperimentMonitor() {
              @Override
              public void point(int index, int total, String what) {
                points.add(index + "/" + total + " " + what);
              }

              @Override
              public void progress(double fraction) {
                progress.add(fraction);
              }
            });
    // the generator, real only, +200 generated, +200 flipped/shifted, generated only
    assertThat(points.get(0)).isEqualTo("0/5 a class-conditional vae for 1 epochs");
    assertThat(points).hasSize(5).last().asString().startsWith("4/5 200 generated images only");
    assertThat(progress).isSorted().last().isEqualTo(1.0);
    assertThat(r.rows()).hasSize(3);
    inRange(r);
  }
}
