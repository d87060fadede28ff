package org.duetstudio.core.experiment;

import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;

/**
 * What an experiment runs on: the data, and for the synthetic-data experiment, optionally, generated
 * images drawn beforehand from a trained class-conditional generator (see {@link SyntheticData#pool});
 * without them it trains its own generator from its settings.
 *
 * @param data the training and test images
 * @param generated generated images to draw on, or null
 * @param generatedFrom where {@code generated} came from, in words (for the report), or null
 */
public record ExperimentInput(TrainTestData data, ImageDataset generated, String generatedFrom) {
  public ExperimentInput {
    if (data == null) {
      throw new IllegalArgumentException("an experiment needs data");
    }
  }

  /** Just the data: every model the experiment needs is trained by it. */
  public static ExperimentInput of(TrainTestData data) {
    return new ExperimentInput(data, null, null);
  }
}
