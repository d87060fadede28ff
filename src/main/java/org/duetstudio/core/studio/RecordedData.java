package org.duetstudio.core.studio;

import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.store.Provenance;

/**
 * The data a recorded run trained on, found and loaded again, and checked by fingerprint: the one check a
 * session's opening, {@code train --rerun} and {@code train --resume} all make.
 *
 * @param source where it was found
 * @param whole everything there
 * @param used the part the run used (its training and test images)
 */
public record RecordedData(DatasetSource source, TrainTestData whole, TrainTestData used) {

  /** Finds and loads {@code record}'s data; refuses data whose fingerprint differs, naming where. */
  public static RecordedData load(Provenance.DataRecord record, DatasetLocator locator)
      throws DatasetException {
    DatasetSource source = locator.resolve(record.source());
    TrainTestData whole = source.load().data();
    TrainTestData used =
        whole.limit(
            record.trainImages() >= whole.train().size() ? 0 : record.trainImages(),
            record.testImages() >= whole.test().size() ? 0 : record.testImages());
    verify(record, used, source);
    return new RecordedData(source, whole, used);
  }

  /** Throws unless {@code data} has the fingerprints {@code record} names. */
  public static void verify(Provenance.DataRecord record, TrainTestData data, DatasetSource source)
      throws DatasetException {
    if (!record.trainFingerprint().equals(data.train().fingerprint())
        || !record.testFingerprint().equals(data.test().fingerprint())) {
      throw new DatasetException(
          source.path(),
          "is not the data the run used (its fingerprint differs): it changed since, or another copy is"
              + " found first");
    }
  }
}
