package org.duetstudio.core.model.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.BatchOrder;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The baseline the benchmark compares the engine against: DL4J's own training loop, {@code
 * SameDiff.fit}, on the same graph, data and batch order, with no studio code in the loop.
 */
public final class BareLoops {
  private BareLoops() {}

  /**
   * Trains a fresh CNN with {@code SameDiff.fit} for {@code warmup + steps} batches and returns the
   * seconds the last {@code steps} took.
   */
  public static double cnnFitSeconds(ClassifierSpec spec, ImageDataset train, int warmup, int steps) {
    SameDiffCnn cnn = new SameDiffCnn(spec, train.shape(), train.classNames());
    SameDiff sd = cnn.sameDiff();
    sd.setTrainingConfig(
        TrainingConfig.builder()
            .updater(new Adam(spec.learningRate()))
            .dataSetFeatureMapping(cnn.fedInput())
            .dataSetLabelMapping(SameDiffClassifier.LABEL)
            .build());
    BatchOrder order = new BatchOrder(train.size(), spec.batchSize(), spec.seed());
    List<MultiDataSet> batches = new ArrayList<>();
    for (int i = 0; i < warmup + steps; i++) {
      int[] idx = order.next();
      INDArray fed = cnn.feed(train, idx).get(cnn.fedInput());
      batches.add(new DataSet(fed, Batches.oneHot(train, idx)).toMultiDataSet());
    }
    return timedFit(sd, batches, warmup);
  }

  /** The same for a fresh VAE; ε is drawn up front, as the studio draws it per step. */
  public static double vaeFitSeconds(GeneratorSpec spec, ImageDataset train, int warmup, int steps) {
    SameDiffVae vae = new SameDiffVae(spec, train.shape(), train.classNames());
    SameDiff sd = vae.sameDiff();
    sd.setTrainingConfig(
        TrainingConfig.builder()
            .updater(new Adam(spec.learningRate()))
            .dataSetFeatureMapping(SameDiffVae.INPUT, SameDiffVae.EPS)
            .markLabelsUnused()
            .build());
    BatchOrder order = new BatchOrder(train.size(), spec.batchSize(), spec.seed());
    Random noise = new Random(spec.seed());
    List<MultiDataSet> batches = new ArrayList<>();
    for (int i = 0; i < warmup + steps; i++) {
      int[] idx = order.next();
      float[][] eps = new float[idx.length][spec.latentDim()];
      for (float[] row : eps) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) noise.nextGaussian();
        }
      }
      INDArray x = Batches.features(train, idx);
      INDArray e = Batches.matrix(eps, 0, eps.length, spec.latentDim());
      batches.add(Batches.unlabelled(x, e));
    }
    return timedFit(sd, batches, warmup);
  }

  private static double timedFit(SameDiff sd, List<MultiDataSet> batches, int warmup) {
    long[] marks = new long[2];
    BaseListener clock =
        new BaseListener() {
          @Override
          public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
          }

          @Override
          public void iterationDone(SameDiff s, At at, MultiDataSet data, Loss loss) {
            long now = System.nanoTime();
            if (at.iteration() == warmup - 1) {
              marks[0] = now;
            }
            marks[1] = now;
          }
        };
    MultiDataSetIterator it = new ListIterator(batches);
    sd.fit(it, 1, clock);
    return (marks[1] - marks[0]) / 1e9;
  }

  /** A list of batches, replayable. */
  private static final class ListIterator implements MultiDataSetIterator {
    private static final long serialVersionUID = 1L;
    private final List<MultiDataSet> batches;
    private int cursor;

    ListIterator(List<MultiDataSet> batches) {
      this.batches = batches;
    }

    @Override
    public MultiDataSet next(int num) {
      return next();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
      return null;
    }

    @Override
    public boolean resetSupported() {
      return true;
    }

    @Override
    public boolean asyncSupported() {
      return false;
    }

    @Override
    public void reset() {
      cursor = 0;
    }

    @Override
    public boolean hasNext() {
      return cursor < batches.size();
    }

    @Override
    public MultiDataSet next() {
      return batches.get(cursor++);
    }
  }

}
