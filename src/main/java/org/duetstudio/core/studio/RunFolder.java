package org.duetstudio.core.studio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.Provenance;
import org.duetstudio.core.store.RunRecorder;
import org.duetstudio.core.store.StoredEvents;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.Resume;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import org.duetstudio.core.training.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pair's run written as it goes, so that a crash loses at most the epoch in progress: per side its
 * provenance (spec, seed, data fingerprints) at the start, every event appended to {@code
 * <role>-events.jsonl} as it happens (forced to disk after each epoch), the model check-pointed after
 * each epoch ({@code <role>-checkpoint.bin}, atomically: weights, optimiser state and where training
 * stood), the newest sample grid ({@code <role>-samples.json}), and {@code metrics.json} and the CSV
 * curves rewritten after each epoch. The folder is valid at every moment: {@link Recorded#read} reads it
 * back, to resume, rerun or show it. The command line writes one per {@code train}; the window keeps
 * one as its autosave.
 */
public final class RunFolder {
  public static final String METRICS = "metrics.json";
  private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);
  private static final String PROGRESS = "duet/progress";

  private final Path dir;
  private final Map<Role, SideLog> sides = new EnumMap<>(Role.class);

  public RunFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  static Path events(Path dir, Role r) {
    return dir.resolve(r.id() + "-events.jsonl");
  }

  static Path samples(Path dir, Role r) {
    return dir.resolve(r.id() + "-samples.json");
  }

  static Path checkpoint(Path dir, Role r) {
    return dir.resolve(r.id() + "-checkpoint.bin");
  }

  static Path provenance(Path dir, String kindId) {
    return dir.resolve("provenance-" + kindId + ".json");
  }

  /** Where training stood at a checkpoint, kept inside it. */
  record Progress(
      String runId,
      int epochsDone,
      int iteration,
      long imagesSeen,
      double elapsedSeconds,
      Map<String, Double> metrics) {}

  /**
   * A listener that writes {@code job}'s run into the folder (replacing that side's earlier run there),
   * starting with its provenance now. It must see the run's events on the run's own thread (it takes the
   * checkpoints there, between steps).
   */
  public synchronized TrainingListener record(TrainingJob job, String backend) throws IOException {
    return open(job, backend, List.of());
  }

  /**
   * The same for a resumed run: the side's log restarts from {@code prior} (the events up to its last
   * checkpoint), and the new events follow.
   */
  public synchronized TrainingListener resume(TrainingJob job, String backend, List<TrainingEvent> prior)
      throws IOException {
    return open(job, backend, prior);
  }

  private TrainingListener open(TrainingJob job, String backend, List<TrainingEvent> prior)
      throws IOException {
    Role role;
    Record spec;
    TrainTestData data;
    String kindId;
    if (job instanceof ClassifierJob c) {
      role = Role.CLASSIFIER;
      spec = c.spec();
      data = c.data();
      kindId = c.spec().kind().id();
    } else if (job instanceof GeneratorJob g) {
      role = Role.GENERATOR;
      spec = g.spec();
      data = g.data();
      kindId = g.spec().kind().id();
    } else {
      throw new IllegalArgumentException("a run folder records classifier and generator runs");
    }
    Files.createDirectories(dir);
    SideLog old = sides.remove(role);
    if (old != null) {
      old.close();
      Files.deleteIfExists(provenance(dir, old.kindId));
    }
    if (prior.isEmpty()) {
      Files.deleteIfExists(checkpoint(dir, role));
      Files.deleteIfExists(samples(dir, role));
      Files.deleteIfExists(dir.resolve(".closed"));
    }
    Json.writeFile(provenance(dir, kindId), Provenance.of(role.id(), spec, data, backend));
    StringBuilder start = new StringBuilder();
    RunRecorder recorder = new RunRecorder(kindId);
    for (TrainingEvent e : prior) {
      recorder.onEvent(e);
      if (!(e instanceof TrainingEvent.SamplesReady)) {
        start.append(StoredEvents.line(e)).append('\n');
      }
    }
    AtomicFiles.writeString(events(dir, role), start.toString());
    SideLog log = new SideLog(role, kindId, job, recorder);
    sides.put(role, log);
    return log;
  }

  /** Rewrites {@code metrics.json} from every side's events so far. */
  private synchronized void writeMetrics() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (SideLog s : sides.values()) {
      m.put(s.role.id(), s.recorder.summary());
    }
    Json.writeFile(dir.resolve(METRICS), m);
  }

  /** Marks the folder as left on purpose (the window's autosave: a clean exit). */
  public void markClosed() throws IOException {
    if (Files.isDirectory(dir)) {
      AtomicFiles.writeString(dir.resolve(".closed"), "");
    }
  }

  /** True when the folder holds a run and was not {@link #markClosed closed} after it. */
  public boolean leftOpen() {
    return Files.isRegularFile(events(dir, Role.CLASSIFIER))
            || Files.isRegularFile(events(dir, Role.GENERATOR))
        ? !Files.exists(dir.resolve(".closed"))
        : false;
  }

  /** One side's log: appends events, forces them to disk and check-points after each epoch. */
  private final class SideLog implements TrainingListener {
    private final Role role;
    private final String kindId;
    private final TrainingJob job;
    private final RunRecorder recorder;
    private FileChannel channel;
    private TrainingEvent.SamplesReady newestSamples;
    private int lastEpochIteration = -1;
    private boolean broken;

    SideLog(Role role, String kindId, TrainingJob job, RunRecorder recorder) throws IOException {
      this.role = role;
      this.kindId = kindId;
      this.job = job;
      this.recorder = recorder;
      this.channel =
          FileChannel.open(events(dir, role), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
      if (channel == null || broken) {
        return;
      }
      try {
        recorder.onEvent(e);
        if (e instanceof TrainingEvent.SamplesReady s) {
          newestSamples = s;
          if (s.iteration() == lastEpochIteration) {
            writeSamples();
          }
          return;
        }
        channel.write(ByteBuffer.wrap((StoredEvents.line(e) + "\n").getBytes(StandardCharsets.UTF_8)));
        switch (e) {
          case TrainingEvent.EpochDone ep -> {
            channel.force(false);
            lastEpochIteration = ep.iteration();
            writeCheckpoint(ep);
            recorder.writeCsv(dir, kindId);
            writeMetrics();
          }
          case TrainingEvent.Finished f -> end();
          case TrainingEvent.Failed f -> end();
          default -> {}
        }
      } catch (IOException | RuntimeException ex) {
        // the run goes on; what was written so far stays valid
        broken = true;
        LOG.warn("could not write the {}'s run to {}", role.id(), dir, ex);
      }
    }

    private void end() throws IOException {
      writeSamples();
      channel.force(false);
      recorder.writeCsv(dir, kindId);
      writeMetrics();
      close();
    }

    private void writeSamples() throws IOException {
      if (newestSamples != null) {
        Json.writeFile(samples(dir, role), StoredEvents.toStored(newestSamples));
      }
    }

    private void writeCheckpoint(TrainingEvent.EpochDone ep) throws IOException {
      ModelState model = job.checkpoint();
      Map<String, byte[]> blobs = new HashMap<>(model.blobs());
      Progress p =
          new Progress(
              ep.runId(), ep.epoch(), ep.iteration(), ep.imagesSeen(), ep.elapsedSeconds(), ep.metrics());
      blobs.put(PROGRESS, Json.compact(p).getBytes(StandardCharsets.UTF_8));
      ModelState withProgress = new ModelState(model.arrays(), blobs);
      AtomicFiles.write(checkpoint(dir, role), withProgress::writeTo);
    }

    synchronized void close() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException ex) {
        LOG.warn("closing the {}'s log failed", role.id(), ex);
      }
      channel = null;
    }
  }

  /**
   * A run folder read back: per side, its spec, its events (up to the last checkpoint when the run did
   * not end), its checkpoint and where it can go on from.
   */
  public record Recorded(Path dir, Provenance.DataRecord data, Side classifier, Side generator) {

    /**
     * One side as recorded.
     *
     * @param events the events to keep: all of a run that ended; of one that did not, those up to its
     *     last checkpoint
     * @param checkpoint the model after its last finished epoch; null when none finished
     * @param resume where an unfinished run goes on from; null for a run that ended or has no checkpoint
     */
    public record Side(
        Role role,
        Record spec,
        Provenance.DataRecord data,
        List<TrainingEvent> events,
        ModelState checkpoint,
        Resume resume,
        boolean ended) {
      public ClassifierSpec classifierSpec() {
        return (ClassifierSpec) spec;
      }

      public GeneratorSpec generatorSpec() {
        return (GeneratorSpec) spec;
      }

      /** True when the run completed every epoch. */
      public boolean completed() {
        return ended
            && !events.isEmpty()
            && events.get(events.size() - 1) instanceof TrainingEvent.Finished f
            && !f.cancelled();
      }
    }

    /**
     * The recorded runs as a pair to show (the window's autosave after a crash): each side with a
     * checkpoint, its model from it, its events up to it; the data loaded and checked. A side trained on
     * other data than the first is left out.
     */
    public Opened toPair(DatasetLocator locator) throws IOException, DatasetException {
      Side first = classifier != null && classifier.checkpoint() != null ? classifier : generator;
      if (first == null || first.checkpoint() == null) {
        throw new IOException("nothing was kept in " + dir + ": no epoch had finished");
      }
      RecordedData d = RecordedData.load(first.data(), locator);
      TrainTestData used = d.used();
      ClassifierRun c = null;
      GeneratorRun g = null;
      if (classifier != null && classifier.checkpoint() != null && same(classifier, first)) {
        c = Sessions.classifier(classifier.classifierSpec(), classifier.events(), classifier.checkpoint(), used);
      }
      if (generator != null && generator.checkpoint() != null && same(generator, first)) {
        g = Sessions.generator(generator.generatorSpec(), generator.events(), generator.checkpoint(), used);
      }
      return new Opened(new RunPair(used, c, g, null, List.of()), d);
    }

    private static boolean same(Side a, Side b) {
      return a.data().trainFingerprint().equals(b.data().trainFingerprint())
          && a.data().testFingerprint().equals(b.data().testFingerprint());
    }

    /** A recorded pair and its data, found again. */
    public record Opened(RunPair pair, RecordedData data) {}

    /** True when {@code dir} has a side's provenance file. */
    public static boolean isRunFolder(Path dir) throws IOException {
      try (var list = Files.list(dir)) {
        return list.anyMatch(p -> p.getFileName().toString().matches("provenance-.*\\.json"));
      }
    }

    /** Reads {@code dir}; every problem is an IOException that names the folder and the problem. */
    public static Recorded read(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new IOException("no run folder at " + dir);
      }
      List<Path> files;
      try (var list = Files.list(dir)) {
        files =
            list.filter(p -> p.getFileName().toString().matches("provenance-.*\\.json")).sorted().toList();
      }
      if (files.isEmpty()) {
        throw new IOException(dir + " has no provenance-*.json: is it a run folder written by 'train'?");
      }
      Side c = null;
      Side g = null;
      Provenance.DataRecord data = null;
      for (Path f : files) {
        Provenance p = Json.readFile(f, Provenance.class);
        Role role;
        try {
          role = Role.of(p.specType());
        } catch (IllegalArgumentException e) {
          throw new IOException(f + ": unknown spec type '" + p.specType() + "'");
        }
        Record spec =
            role == Role.CLASSIFIER
                ? Json.convert(p.spec(), ClassifierSpec.class)
                : Json.convert(p.spec(), GeneratorSpec.class);
        Side s = side(dir, role, spec, p.data());
        if (role == Role.CLASSIFIER) {
          c = s;
        } else {
          g = s;
        }
        data = p.data();
      }
      return new Recorded(dir, data, c, g);
    }

    private static Side side(Path dir, Role role, Record spec, Provenance.DataRecord data)
        throws IOException {
      List<TrainingEvent> events = new ArrayList<>();
      Path log = events(dir, role);
      if (Files.isRegularFile(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            events.add(StoredEvents.parse(line));
          } catch (RuntimeException e) {
            break; // the line a crash cut short: everything before it stands
          }
        }
      }
      ModelState checkpoint = null;
      Progress progress = null;
      Path cp = checkpoint(dir, role);
      if (Files.isRegularFile(cp)) {
        try (InputStream in = Files.newInputStream(cp)) {
          ModelState s = ModelState.readFrom(in);
          progress =
              Json.read(new String(s.blob(PROGRESS), StandardCharsets.UTF_8), Progress.class);
          Map<String, byte[]> blobs = new HashMap<>(s.blobs());
          blobs.remove(PROGRESS);
          checkpoint = new ModelState(s.arrays(), blobs);
        } catch (IOException | RuntimeException e) {
          throw new IOException(
              cp + " is damaged: the " + role.id() + "'s checkpoint cannot be read (" + e.getMessage() + ")", e);
        }
      }
      TrainingEvent.SamplesReady samples = null;
      if (Files.isRegularFile(samples(dir, role))) {
        samples =
            (TrainingEvent.SamplesReady)
                StoredEvents.fromStored(Json.readFile(samples(dir, role), Map.class));
      }
      boolean ended =
          !events.isEmpty()
              && (events.get(events.size() - 1) instanceof TrainingEvent.Finished
                  || events.get(events.size() - 1) instanceof TrainingEvent.Failed);
      Resume resume = null;
      if (!ended) {
        int keep = 0;
        if (progress != null) {
          for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TrainingEvent.EpochDone ep && ep.epoch() == progress.epochsDone()) {
              keep = i + 1;
            }
          }
          if (keep == 0) {
            throw new IOException(
                dir + " is inconsistent: the " + role.id() + "'s checkpoint is of epoch "
                    + progress.epochsDone() + " but its log has no such epoch");
          }
          resume =
              new Resume(
                  progress.runId(),
                  progress.epochsDone(),
                  progress.iteration(),
                  progress.imagesSeen(),
                  progress.elapsedSeconds(),
                  progress.metrics(),
                  checkpoint);
        }
        events = new ArrayList<>(events.subList(0, keep));
        if (samples != null && progress != null && samples.iteration() <= progress.iteration()) {
          events.add(samples);
        }
      } else if (samples != null) {
        events.add(events.size() - 1, samples);
      }
      return new Side(role, spec, data, List.copyOf(events), checkpoint, resume, ended);
    }
  }
}
