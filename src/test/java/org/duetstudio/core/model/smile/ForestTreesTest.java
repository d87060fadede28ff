package org.duetstudio.core.model.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.model.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/** The forest as plain numbers answers exactly as Smile's, and a file's numbers are checked. */
class ForestTreesTest {
  private static final TrainTestData DATA = SampleData.small(600, 100);
  private static SmileRandomForest trained;

  @BeforeAll
  static void grow() {
    trained = forest();
    var t = trained.trainer(DATA.train());
    t.startEpoch(1);
    t.step();
    t.step();
  }

  private static SmileRandomForest forest() {
    return new SmileRandomForest(
        ClassifierSpec.defaults(ClassifierKind.RANDOM_FOREST).withTrees(10),
        DATA.shape(),
        DATA.train().classNames());
  }

  private static DataFrame frame(ImageDataset data) {
    int p = data.shape().length();
    double[][] x = new double[data.size()][p];
    for (int i = 0; i < data.size(); i++) {
      float[] row = data.image(i);
      for (int j = 0; j < p; j++) {
        x[i][j] = row[j];
      }
    }
    return DataFrame.of(x).add(new IntVector("class", data.labels()));
  }

  @Test
  void theCopiedTreesAnswerExactlyAsSmilesForest() {
    DataFrame train = frame(DATA.train());
    long[] seeds = {1, 2, 3, 4};
    var options = new RandomForest.Options(4, 28, SplitRule.GINI, 20, Integer.MAX_VALUE, 5, 1.0, null, seeds, null);
    RandomForest smile = RandomForest.fit(Formula.lhs("class"), train, options);
    int k = DATA.train().numClasses();
    int p = DATA.shape().length();
    ForestTrees copy = ForestTrees.of(smile, train.schema(), k, p);
    assertThat(copy.size()).isEqualTo(4);
    ImageDataset test = DATA.test();
    double[] withLabel = new double[p + 1];
    double[] x = new double[p];
    double[] expected = new double[k];
    double[] actual = new double[k];
    for (int i = 0; i < test.size(); i++) {
      float[] row = test.image(i);
      for (int j = 0; j < p; j++) {
        x[j] = row[j];
        withLabel[j] = row[j];
      }
      smile.predict(Tuple.of(train.schema(), withLabel), expected);
      copy.predict(x, actual);
      assertThat(actual).as("image %d", i).containsExactly(expected);
    }
  }

  @Test
  void aRestoredForestAnswersExactlyAsTheTrainedOne() {
    SmileRandomForest fresh = forest();
    fresh.restore(trained.state());
    assertThat(fresh.size()).isEqualTo(10);
    assertThat(fresh.predictProbabilities(DATA.test())).isDeepEqualTo(trained.predictProbabilities(DATA.test()));
  }

  @Test
  void aSerialisedJavaObjectIsRefusedUnread() throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.of("not", "a", "forest"))); // any class: it is never read
    }
    SmileRandomForest fresh = forest();
    fresh.restore(trained.state());
    float[][] before = fresh.predictProbabilities(DATA.test().head(5));
    assertThatThrownBy(() -> fresh.restore(new ModelState(Map.of(), Map.of("forest", bytes.toByteArray()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialised Java object")
        .hasMessageContaining("train the forest again");
    assertThat(fresh.predictProbabilities(DATA.test().head(5))).isDeepEqualTo(before); // unchanged
  }

  @Test
  void everyNumberOfASavedForestIsChecked() {
    Map<String, double[]> good = trained.state().arrays();
    int p = DATA.shape().length();
    assertRefused(good, "forest.header", new double[] {1, 3, p}, "for 3.0 classes");
    assertRefused(good, "forest.header", new double[] {1, 10, 5}, "5.0 pixels");
    assertRefused(good, "forest.header", new double[] {2, 10, p}, "layout");
    double[] feature = good.get("forest.feature").clone();
    feature[0] = p + 7;
    assertRefused(good, "forest.feature", feature, "pixel index");
    feature[0] = -5;
    assertRefused(good, "forest.feature", feature, "pixel index");
    feature[0] = 0.5;
    assertRefused(good, "forest.feature", feature, "pixel index");
    double[] next = good.get("forest.falseChild").clone();
    next[0] = 0; // a loop back to the root
    assertRefused(good, "forest.falseChild", next, "points outside its tree");
    next[0] = 1e9;
    assertRefused(good, "forest.falseChild", next, "node index");
    double[] counts = good.get("forest.counts").clone();
    counts[0] = -1;
    assertRefused(good, "forest.counts", counts, "count of -1");
    assertRefused(good, "forest.counts", new double[3], "counts for");
    double[] sizes = good.get("forest.nodes").clone();
    sizes[0] = sizes[0] + 1;
    assertRefused(good, "forest.nodes", sizes, "do not match");
    sizes[0] = -3;
    assertRefused(good, "forest.nodes", sizes, "tree size");
    double[] weights = good.get("forest.weights").clone();
    weights[0] = Double.NaN;
    assertRefused(good, "forest.weights", weights, "weight");
    Map<String, double[]> missing = new HashMap<>(good);
    missing.remove("forest.counts");
    assertThatThrownBy(() -> forest().restore(new ModelState(missing, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forest.counts");
  }

  private static void assertRefused(Map<String, double[]> good, String name, double[] value, String why) {
    Map<String, double[]> bad = new HashMap<>(good);
    bad.put(name, value);
    assertThatThrownBy(() -> forest().restore(new ModelState(bad, Map.of())))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }
}
