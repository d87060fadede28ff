package org.duetstudio.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.core.training.Fit;
import org.junit.jupiter.api.Test;

/** The judge's metrics on inputs whose answer is known. */
class JudgeMetricsTest {
  private static final TrainTestData DATA = SampleData.small(3000, 1000);

  @Test
  void labelFidelityOfAPerfectConditionalGeneratorIsOne() {
    ImageDataset pool = DATA.train();
    LabelFidelity f =
        LabelFidelity.measure(new RealImagesGenerator(pool, false), new OracleClassifier(pool), 20, 1);
    assertThat(f.overall()).isEqualTo(1.0);
    for (int c = 0; c < pool.numClasses(); c++) {
      assertThat(f.of(c)).isEqualTo(1.0);
      assertThat(f.meanConfidence()[c]).isEqualTo(1.0);
    }
    assertThat(f.matrix().total()).isEqualTo(200);
  }

  @Test
  void labelFidelityOfAGeneratorThatIgnoresTheClassIsChance() {
    ImageDataset pool = DATA.train();
    LabelFidelity f =
        LabelFidelity.measure(new RealImagesGenerator(pool, true), new OracleClassifier(pool), 100, 1);
    assertThat(f.overall()).isBetween(0.05, 0.16); // 10 balanced classes: 0.1
  }

  @Test
  void casOfRealDataThroughTheSamePathMatchesRealAccuracy() {
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(3);
    List<Double> progress = new ArrayList<>();
    ClassificationAccuracyScore cas =
        ClassificationAccuracyScore.measure(
            new RealImagesGenerator(DATA.train(), false),
            spec,
            DATA.train(),
            DATA.test(),
            2000,
            7,
            new Fit.Monitor() {
              @Override
              public void progress(double fraction) {
                progress.add(fraction);
              }
            });
    assertThat(cas.real()).isGreaterThan(0.7);
    assertThat(cas.synthetic()).isCloseTo(cas.real(), offset(0.04));
    assertThat(cas.trainImages()).isEqualTo(2000);
    assertThat(cas.syntheticMatrix().total()).isEqualTo(1000);
    assertThat(progress).isSorted();
    assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0, offset(1e-9));
  }

  @Test
  void casOfAGeneratorThatIgnoresTheClassIsNearChance() {
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.NAIVE_BAYES);
    ClassificationAccuracyScore cas =
        ClassificationAccuracyScore.measure(
            new RealImagesGenerator(DATA.train(), true), spec, DATA.train(), DATA.test(), 2000, 7, Fit.Monitor.NONE);
    assertThat(cas.synthetic()).isLessThan(0.25);
    assertThat(cas.real()).isGreaterThan(0.5);
  }

  @Test
  void aCancelledFitStops() {
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION);
    assertThatThrownBy(
            () ->
                Fit.classifier(
                    spec,
                    DATA.train(),
                    new Fit.Monitor() {
                      @Override
                      public boolean cancelled() {
                        return true;
                      }
                    }))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void kMeansFindsSeparatedGroupsAndNotRandomLabels() {
    Random r = new Random(3);
    int n = 600;
    float[][] points = new float[n][2];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      points[i][0] = (float) (labels[i] * 10 + r.nextGaussian());
      points[i][1] = (float) (labels[i] * -7 + r.nextGaussian());
    }
    List<String> names = List.of("a", "b", "c");
    Clusters c = Clusters.of(points, labels, names, 3, 1, "points");
    assertThat(c.adjustedRand()).isGreaterThan(0.95);
    assertThat(c.purity()).isGreaterThan(0.98);
    assertThat(c.majority()).containsExactlyInAnyOrder(0, 1, 2);
    int total = 0;
    for (int k = 0; k < c.k(); k++) {
      total += c.size(k);
    }
    assertThat(total).isEqualTo(n);

    List<Integer> shuffled = new ArrayList<>();
    for (int l : labels) {
      shuffled.add(l);
    }
    Collections.shuffle(shuffled, r);
    int[] random = shuffled.stream().mapToInt(Integer::intValue).toArray();
    assertThat(Clusters.of(points, random, names, 3, 1, "points").adjustedRand()).isCloseTo(0, offset(0.05));
  }

  @Test
  void kMeansOnPixelsBeatsChance() {
    ImageDataset d = DATA.test();
    float[][] px = new float[d.size()][];
    for (int i = 0; i < d.size(); i++) {
      px[i] = d.image(i);
    }
    Clusters c = Clusters.of(px, d.labels(), d.classNames(), 10, 1, "pixels");
    assertThat(c.adjustedRand()).isGreaterThan(0.2);
    assertThat(c.purity()).isGreaterThan(0.4);
  }

  @Test
  void diversityIsZeroForCopiesAndKnownForTwoPoints() {
    float[] a = {0, 0, 0};
    float[] b = {3, 4, 0};
    assertThat(SampleDiversity.measure(List.of(a, a, a))).isEqualTo(0.0);
    assertThat(SampleDiversity.measure(List.of(a, b))).isCloseTo(5.0, offset(1e-9));
    assertThat(SampleDiversity.measure(List.of(a))).isNaN();
  }

  @Test
  void ganHealthNamesCollapseAndAWinningDiscriminator() {
    assertThat(GanHealth.assess(0.9, 0.6, 0.4).verdict()).isEqualTo(GanHealth.Verdict.LEARNING);
    assertThat(GanHealth.assess(0.1, 0.6, 0.4).verdict()).isEqualTo(GanHealth.Verdict.COLLAPSED);
    assertThat(GanHealth.assess(0.9, 0.95, 0.001).verdict())
        .isEqualTo(GanHealth.Verdict.DISCRIMINATOR_WON);
    assertThat(GanHealth.assess(Double.NaN, 0.6, 0.4).healthy()).isTrue();
    assertThat(GanHealth.assess(0.1, 0.6, 0.4).message()).contains("Mode collapse").contains("10%");
  }

  @Test
  void interpolationAndDecisionMapLabelEveryImage() {
    ImageDataset pool = DATA.train();
    OracleClassifier oracle = new OracleClassifier(pool);
    RealImagesGenerator g = new RealImagesGenerator(pool, false);
    LatentPaths.Labelled path = LatentPaths.interpolate(oracle, g, 7, 1, 9, DATA.test(), 3);
    assertThat(path.size()).isEqualTo(9);
    assertThat(path.predicted()[0]).isEqualTo(7); // starts as the first class
    assertThat(path.predicted()[8]).isEqualTo(1); // ends as the second
    LatentPaths.Labelled map = LatentPaths.decisionMap(oracle, g, 5, 0.4, 3);
    assertThat(map.size()).isEqualTo(25);
    assertThat(map.predicted()).containsOnly(3);
  }
}
