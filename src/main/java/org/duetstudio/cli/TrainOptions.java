package org.duetstudio.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;

/**
 * {@code train}'s options mapped to specs: each model kind's defaults (from its spec) with what the
 * options change.
 *
 * @param classifier null without {@code --classifier}
 * @param generator null without {@code --generator}
 * @param casImages 0 for the judge's default
 */
record TrainOptions(
    String data,
    int trainLimit,
    int testLimit,
    ClassifierSpec classifier,
    GeneratorSpec generator,
    int casImages,
    Path out) {

  static TrainOptions of(Args a) {
    String classifierId = a.string("classifier", null);
    String generatorId = a.string("generator", null);
    Integer epochs = a.has("epochs") ? a.integer("epochs", 1) : null;
    long seed = a.longValue("seed", 42);
    ClassifierSpec c = null;
    if (classifierId != null) {
      ClassifierSpec d = ClassifierSpec.defaults(ClassifierKind.fromId(classifierId));
      c =
          new ClassifierSpec(
              d.kind(),
              a.integer("classifier-epochs", epochs != null ? epochs : d.epochs()),
              a.integer("batch", d.batchSize()),
              a.decimal("lr", d.learningRate()),
              a.decimal("l2", d.l2()),
              a.integer("trees", d.trees()),
              seed);
    }
    GeneratorSpec g = null;
    if (generatorId != null) {
      GeneratorSpec d = GeneratorSpec.defaults(GeneratorKind.fromId(generatorId));
      g =
          new GeneratorSpec(
              d.kind(),
              a.has("conditional"),
              a.integer("generator-epochs", epochs != null ? epochs : d.epochs()),
              a.integer("batch", d.batchSize()),
              a.decimal("generator-lr", d.learningRate()),
              a.integer("latent", d.latentDim()),
              a.integer("hidden", d.hiddenUnits()),
              d.sampleIntervalSeconds(),
              seed);
    }
    if (c == null && g == null) {
      throw new Args.UsageException("give --classifier and/or --generator");
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return new TrainOptions(
        a.string("data", "sample"),
        a.integer("train-limit", 0),
        a.integer("test-limit", 0),
        c,
        g,
        a.integer("cas-images", 0),
        Path.of(a.string("out", "runs/" + stamp)));
  }
}
