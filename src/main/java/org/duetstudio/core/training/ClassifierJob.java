package org.duetstudio.core.training;

import java.util.HashMap;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainer;

/**
 * Trains a classifier and, after every epoch, measures it on the whole test set and on up to {@value
 * #TRAIN_EVAL_LIMIT} training images (enough to see over-fitting, cheap enough to do each epoch).
 */
public final class ClassifierJob extends ModelJob<ClassifierSpec, ImageClassifier> {
  static final int TRAIN_EVAL_LIMIT = 2000;

  public ClassifierJob(ClassifierSpec spec, TrainTestData data) {
    super(spec, data);
  }

  /** A finished run's job, holding a model trained before (restored from a session). */
  public static ClassifierJob restored(ClassifierSpec spec, TrainTestData data, ImageClassifier model) {
    ClassifierJob j = new ClassifierJob(spec, data);
    j.adopt(model);
    return j;
  }

  @Override
  public String modelName() {
    return spec().kind().displayName();
  }

  @Override
  public int epochs() {
    return spec().epochs();
  }

  @Override
  public Trainer prepare() {
    return adopt(Models.classifier(spec(), data().shape(), data().train().classNames()))
        .trainer(data().train());
  }

  @Override
  public EpochReport endEpoch(int epoch, Map<String, Double> meanTrainLosses) {
    ImageDataset test = data().test();
    float[][] testProbs = model().predictProbabilities(test);
    int[] testLabels = test.labels();
    Predictions predictions =
        Predictions.fromProbabilities(testLabels, testProbs, test.classNames());
    ImageDataset trainSample = data().train().head(TRAIN_EVAL_LIMIT);
    Predictions trainPredictions =
        Predictions.fromProbabilities(
            trainSample.labels(),
            model().predictProbabilities(trainSample),
            trainSample.classNames());
    Map<String, Double> metrics = new HashMap<>();
    metrics.put(Metrics.TRAIN_LOSS, meanTrainLosses.get(Trainer.Step.LOSS));
    metrics.put(Metrics.TRAIN_ACCURACY, trainPredictions.accuracy());
    metrics.put(Metrics.TEST_ACCURACY, predictions.accuracy());
    metrics.put(Metrics.TEST_LOSS, Predictions.logLoss(testLabels, testProbs));
    return new EpochReport(metrics, predictions, null);
  }
}
