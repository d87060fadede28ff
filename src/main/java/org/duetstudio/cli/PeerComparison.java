package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainable;
import org.duetstudio.core.model.Trainer;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;

/**
 * {@code bench --against FILE}: the studio's models beside the same networks trained by the peer programs
 * (PyTorch through DJL, {@code ../shared/peer-bench/run lenet|dcgan|gan}), whose output FILE holds. The
 * studio's side is measured now, as the peer's was: the same network, batch and step (the CNN's mean
 * over its timed steps, the GANs' median step), so that run one after the other the ratio is one
 * sitting's.
 */
final class PeerComparison {
  /** A network both sides train, what the peer program prints for it, and the ratio it should reach. */
  enum Peer {
    LENET("CNN (LeNet)", 0.9, Pattern.compile("^TIMED (\\d+) iters: [\\d.]+ s, ([\\d.]+) img/s")),
    DCGAN("DCGAN step (D + G)", 0.7, Pattern.compile("^RESULT DCGAN median [\\d.]+ ms/step\\s+(\\d+) img/s \\(median\\)")),
    GAN("GAN step (D + G)", 0.7, Pattern.compile("^RESULT GAN median [\\d.]+ ms/step\\s+(\\d+) img/s \\(median\\)"));

    final String title;
    final double target;
    final Pattern line;

    Peer(String title, double target, Pattern line) {
      this.title = title;
      this.target = target;
      this.line = line;
    }
  }

  private static final Pattern ENGINE = Pattern.compile("^Engine (\\S+ \\S+) djl (\\S+)");
  private static final int ROUNDS = 3;
  /**
   * Steps of one CNN trained before the measured ones and not counted: the JVM's warm-up. The first
   * thousand steps of a fresh JVM ran 10–30% slower while the JIT compiled SameDiff's session code on the
   * same two cores; the peer's PyTorch, native code, needs no such warm-up.
   */
  private static final int CNN_JIT_WARMUP = 1000;
  private static final ClassifierSpec CNN = ClassifierSpec.defaults(ClassifierKind.CNN);
  private static final int CNN_WARMUP = 50;
  private static final int CNN_STEPS = 300;
  private static final int GAN_WARMUP = 20;
  private static final int GAN_STEPS = 100;

  /** What a peer file says: images/s per network (the last figure given for each) and its engine. */
  record PeerFigures(Map<Peer, Double> imagesPerSecond, String engine) {}

  private final PrintStream out;

  PeerComparison(PrintStream out) {
    this.out = out;
  }

  /** Reads the peer programs' output; a file without their results is refused with one sentence. */
  static PeerFigures read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the peer figures in " + file + ": " + e.getMessage());
    }
    Map<Peer, Double> figures = new EnumMap<>(Peer.class);
    String engine = "PyTorch";
    for (String l : lines) {
      Matcher e = ENGINE.matcher(l.strip());
      if (e.find()) {
        engine = e.group(1) + " through DJL " + e.group(2);
      }
      for (Peer p : Peer.values()) {
        Matcher m = p.line.matcher(l.strip());
        if (m.find()) {
          figures.put(p, Double.parseDouble(m.group(m.groupCount())));
        }
      }
    }
    if (figures.isEmpty()) {
      throw new UsageException(
          file + " holds no peer-bench results (a 'TIMED ...' line of 'run lenet' or a 'RESULT ...' line of"
              + " 'run dcgan' or 'run gan')");
    }
    return new PeerFigures(figures, engine);
  }

  int run(PeerFigures peer, ImageDataset train) {
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    out.println("peer: " + peer.engine() + ", figures read from its output; the studio's measured now");
    out.printf(Locale.ROOT, "%n%-20s %14s %14s %9s %8s%n", "network, batch 64", "studio img/s", "peer img/s",
        "studio/peer", "target");
    for (var e : peer.imagesPerSecond().entrySet()) {
      double studio = studioImagesPerSecond(e.getKey(), train);
      double ratio = studio / e.getValue();
      out.printf(
          Locale.ROOT,
          "%-20s %14.0f %14.0f %9.2f %8s%n",
          e.getKey().title,
          studio,
          e.getValue(),
          ratio,
          (ratio >= e.getKey().target ? ">= " : "below ") + e.getKey().target);
      out.flush();
    }
    return 0;
  }

  /** The median over rounds of the studio's images/s, measured as the peer program measures it. */
  private static double studioImagesPerSecond(Peer p, ImageDataset train) {
    if (p == Peer.LENET) {
      try (ImageClassifier cnn = freshCnn(train)) {
        new Steps(cnn.trainer(train)).run(CNN_JIT_WARMUP);
      }
    }
    double[] rounds = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      rounds[r] =
          switch (p) {
            case LENET -> {
              try (ImageClassifier cnn = freshCnn(train)) {
                yield meanImagesPerSecond(cnn, train, CNN.batchSize());
              }
            }
            case DCGAN, GAN -> {
              GeneratorSpec spec =
                  GeneratorSpec.defaults(p == Peer.DCGAN ? GeneratorKind.DCGAN : GeneratorKind.GAN)
                      .withConditional(false);
              try (ImageGenerator gan = Models.generator(spec, train.shape(), train.classNames())) {
                yield medianImagesPerSecond(gan, train, spec.batchSize());
              }
            }
          };
    }
    Arrays.sort(rounds);
    return rounds[ROUNDS / 2];
  }

  private static ImageClassifier freshCnn(ImageDataset train) {
    return Models.classifier(CNN, train.shape(), train.classNames());
  }

  /** As the peer's LeNet: images over the wall time of the timed steps. */
  private static double meanImagesPerSecond(Trainable model, ImageDataset train, int batch) {
    Steps s = new Steps(model.trainer(train));
    s.run(CNN_WARMUP);
    long t0 = System.nanoTime();
    s.run(CNN_STEPS);
    return (double) CNN_STEPS * batch / ((System.nanoTime() - t0) / 1e9);
  }

  /** As the peer's GANs: the batch over the median step time. */
  private static double medianImagesPerSecond(Trainable model, ImageDataset train, int batch) {
    Steps s = new Steps(model.trainer(train));
    s.run(GAN_WARMUP);
    double[] ms = new double[GAN_STEPS];
    for (int i = 0; i < GAN_STEPS; i++) {
      long t0 = System.nanoTime();
      s.run(1);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return batch * 1000 / ((ms[GAN_STEPS / 2 - 1] + ms[GAN_STEPS / 2]) / 2);
  }

  /** Training steps over as many epochs as they need. */
  private static final class Steps {
    private final Trainer trainer;
    private int epoch = 1;
    private int inEpoch;

    Steps(Trainer trainer) {
      this.trainer = trainer;
      trainer.startEpoch(epoch);
    }

    void run(int n) {
      for (int i = 0; i < n; i++) {
        if (inEpoch == trainer.stepsPerEpoch()) {
          trainer.startEpoch(++epoch);
          inEpoch = 0;
        }
        trainer.step();
        inEpoch++;
      }
    }
  }
}
