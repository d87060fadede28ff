package org.duetstudio.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.data.TrainTestData;

/**
 * Everything needed to compare two runs or repeat one: what was trained (the spec, seed included), on
 * which data (source and fingerprints), with which software, on what machine, when.
 *
 * @param spec the ClassifierSpec or GeneratorSpec
 * @param specType "classifier" or "generator"
 */
public record Provenance(
    String specType,
    Object spec,
    DataRecord data,
    Map<String, String> libraries,
    String backend,
    String machine,
    String created) {

  /** Which data a run saw. */
  public record DataRecord(
      String source,
      String trainFingerprint,
      String testFingerprint,
      int trainImages,
      int testImages,
      String shape,
      List<String> classNames) {
    public static DataRecord of(TrainTestData d) {
      return new DataRecord(
          d.source(),
          d.train().fingerprint(),
          d.test().fingerprint(),
          d.train().size(),
          d.test().size(),
          d.shape().toString(),
          d.train().classNames());
    }
  }

  public static Provenance of(String specType, Object spec, TrainTestData data, String backend) {
    return new Provenance(
        specType,
        spec,
        DataRecord.of(data),
        LibraryVersions.detect(),
        backend,
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores",
        Instant.now().toString());
  }
}
