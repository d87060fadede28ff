package org.duetstudio.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.DatasetSplit;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.dl4j.SameDiffCnn;
import org.duetstudio.core.model.smile.SmileNaiveBayes;
import org.duetstudio.core.model.smile.SmileRandomForest;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.Metrics;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.junit.jupiter.api.Test;

/** Each classifier learns on a small subset: accuracy far above chance (10%), loss falls. */
class ClassifiersLearnTest {
  private static List<TrainingEvent> train(ClassifierSpec spec, TrainTestData data) throws Exception {
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    try (TrainingEngine engine = new TrainingEngine()) {
      TrainingEvent end =
          engine.start(new ClassifierJob(spec, data), events::add).completion().get(5, TimeUnit.MINUTES);
      assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    }
    return events;
  }

  private static List<TrainingEvent.EpochDone> epochs(List<TrainingEvent> events) {
    return events.stream()
        .filter(TrainingEvent.EpochDone.class::isInstance)
        .map(TrainingEvent.EpochDone.class::cast)
        .toList();
  }

  private static double meanLoss(List<TrainingEvent> events, int from, int to) {
    return events.stream()
        .filter(TrainingEvent.IterationDone.class::isInstance)
        .map(TrainingEvent.IterationDone.class::cast)
        .filter(e -> e.iteration() > from && e.iteration() <= to)
        .mapToDouble(e -> e.losses().get("loss"))
        .average()
        .orElseThrow();
  }

  @Test
  void logisticRegressionLearns() throws Exception {
    TrainTestData data = SampleData.small(3000, 1000);
    List<TrainingEvent> events =
        train(ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(4), data);
    List<TrainingEvent.EpochDone> eps = epochs(events);
    assertThat(eps).hasSize(4);
    assertThat(eps.get(3).metrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.70);
    assertThat(meanLoss(events, 200, 240)).isLessThan(0.6 * meanLoss(events, 0, 10));
    Predictions p = eps.get(3).predictions();
    assertThat(p.size()).isEqualTo(1000);
    assertThat(p.confusionMatrix().total()).isEqualTo(1000);
  }

  @Test
  void randomForestGrowsInStepsAndVotesWell() throws Exception {
    TrainTestData data = SampleData.small(2000, 500);
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.RANDOM_FOREST).withTrees(23);
    List<TrainingEvent> events = train(spec, data);
    long steps = events.stream().filter(TrainingEvent.IterationDone.class::isInstance).count();
    assertThat(steps).isEqualTo(5); // 5 + 5 + 5 + 5 + 3 trees
    List<TrainingEvent.EpochDone> eps = epochs(events);
    assertThat(eps.get(0).metrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.70);
    // each step's out-of-bag error is a real held-out error: well below chance's 0.9
    assertThat(meanLoss(events, 0, 5)).isBetween(0.05, 0.5);
    var rf = (SmileRandomForest) Models.classifier(spec, data.shape(), data.train().classNames());
    Trainer t = rf.trainer(data.train());
    t.startEpoch(1);
    t.step();
    assertThat(rf.size()).isEqualTo(5);
    float[][] p = rf.predictProbabilities(data.test().head(3));
    double sum = 0;
    for (float v : p[0]) {
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, Offset.offset(1e-4));
  }

  @Test
  void naiveBayesLearnsInOnePassAndMoreEpochsChangeNothing() throws Exception {
    TrainTestData data = SampleData.small(3000, 500);
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.NAIVE_BAYES);
    List<TrainingEvent.EpochDone> one = epochs(train(spec, data));
    double acc = one.get(0).metrics().get(Metrics.TEST_ACCURACY);
    assertThat(acc).isGreaterThan(0.55);
    List<TrainingEvent.EpochDone> two = epochs(train(spec.withEpochs(2), data));
    assertThat(two.get(1).metrics().get(Metrics.TEST_ACCURACY)).isEqualTo(acc); // closed form
    var nb = new SmileNaiveBayes(spec, data.shape(), data.train().classNames());
    nb.trainer(data.train()).step();
    for (float[] row : nb.predictProbabilities(data.test().head(5))) {
      double sum = 0;
      for (float v : row) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, Offset.offset(1e-4));
    }
  }

  @Test
  void mlpLearns() throws Exception {
    TrainTestData data = SampleData.small(3000, 500);
    List<TrainingEvent> events =
        train(ClassifierSpec.defaults(ClassifierKind.MLP).withEpochs(3), data);
    List<TrainingEvent.EpochDone> eps = epochs(events);
    assertThat(eps.get(2).metrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.70);
    assertThat(meanLoss(events, 130, 141)).isLessThan(0.5 * meanLoss(events, 0, 5));
  }

  @Test
  void cnnLearnsAndItsProbabilitiesAreDistributions() throws Exception {
    TrainTestData data = SampleData.small(2000, 500);
    List<TrainingEvent> events =
        train(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(2), data);
    List<TrainingEvent.EpochDone> eps = epochs(events);
    assertThat(eps.get(1).metrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.65);
    assertThat(meanLoss(events, 50, 64)).isLessThan(0.5 * meanLoss(events, 0, 5));

    SameDiffCnn cnn = new SameDiffCnn(ClassifierSpec.defaults(ClassifierKind.CNN), data.shape(),
        data.train().classNames());
    float[][] probs = cnn.predictProbabilities(data.test().head(7));
    assertThat(probs).hasNumberOfRows(7);
    for (float[] row : probs) {
      double sum = 0;
      for (float v : row) {
        assertThat(v).isBetween(0f, 1f);
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, Offset.offset(1e-4));
    }
    assertThat(cnn.features(data.test().head(3))[0]).hasSize(500);
  }

  @Test
  void theCnnWorksOnSmallColourImagesToo() throws Exception {
    // 8x8 RGB: "same" padding keeps feature maps alive; two colour classes are easy to tell apart
    int n = 200;
    float[][] rows = new float[n][3 * 64];
    int[] labels = new int[n];
    Random rng = new Random(1);
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int p = 0; p < 64; p++) {
        rows[i][labels[i] * 64 + p] = 0.6f + 0.4f * rng.nextFloat();
      }
    }
    var all = new ImageDataset(
        "colours", new ImageShape(8, 8, 3), rows, labels, List.of("red", "green"));
    TrainTestData data = DatasetSplit.stratified(all, 0.25, 1, "test");
    List<TrainingEvent> events =
        train(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(3).withBatchSize(16), data);
    assertThat(epochs(events).get(2).metrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.9);
  }

  @Test
  void sameSeedSameRunOtherSeedOtherRun() throws Exception {
    TrainTestData data = SampleData.small(640, 100);
    ClassifierSpec spec = ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(1);
    List<Double> a = losses(train(spec, data));
    List<Double> b = losses(train(spec, data));
    List<Double> c = losses(train(spec.withSeed(7), data));
    assertThat(a).hasSize(10).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
  }

  private static List<Double> losses(List<TrainingEvent> events) {
    return events.stream()
        .filter(TrainingEvent.IterationDone.class::isInstance)
        .map(e -> ((TrainingEvent.IterationDone) e).losses().get("loss"))
        .toList();
  }
}
