package org.duetstudio.core.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.model.ModelState;
import org.duetstudio.core.training.TrainingEvent;

/**
 * A session in one file (a zip): both sides' specs (seeds included), the data's fingerprints, every
 * training event (the curves, the predictions, the snapshots; of the sample grids only the last), the
 * trained models and the judge's results. Written atomically — a crash while saving leaves the previous
 * file as it was. A file from a newer studio, or one that is not a session, is refused with one sentence.
 *
 * @param data which data both sides trained on (source and fingerprints)
 * @param classifier null when the classifier had not trained
 * @param generator null likewise
 * @param judgement null when the judge had not judged
 * @param judgeConfidence the judge's mean confidence on each sample grid during the generator's training,
 *     one row {epochs, images, seconds, percent} per grid (the grids themselves are not kept)
 */
public record SessionFile(
    int format,
    String app,
    String created,
    Provenance.DataRecord data,
    Side<ClassifierSpec> classifier,
    Side<GeneratorSpec> generator,
    Judgement judgement,
    List<double[]> judgeConfidence) {
  /** The format this version writes, and the newest it reads. */
  public static final int FORMAT = 1;

  /** The entries a session holds, each with its largest unpacked size. */
  private static final Map<String, Long> ENTRY_LIMITS =
      Map.of(
          "session.json", 64L << 20,
          "classifier-events.json", 256L << 20,
          "generator-events.json", 256L << 20,
          "classifier-model.bin", 1L << 30,
          "generator-model.bin", 1L << 30);
  /** The largest unpacked size of a whole session. */
  private static final long TOTAL_LIMIT = 2L << 30;

  public SessionFile {
    judgeConfidence = judgeConfidence == null ? List.of() : List.copyOf(judgeConfidence);
  }

  /** One side: its settings, its run's events in order, and its trained model. */
  public record Side<S>(S spec, List<TrainingEvent> events, ModelState model) {
    public Side {
      events = List.copyOf(events);
    }
  }

  /** What session.json holds (the events and models are entries of their own). */
  record Header(
      int format,
      String app,
      String created,
      Provenance.DataRecord data,
      ClassifierSpec classifierSpec,
      GeneratorSpec generatorSpec,
      Judgement judgement,
      List<double[]> judgeConfidence) {}

  /** Writes the session to {@code file}, atomically. */
  public void save(Path file) throws IOException {
    AtomicFiles.write(file, out -> writeTo(out));
  }

  /** The zip, to any stream (for tests that break the stream half-way). */
  public void writeTo(OutputStream target) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(target));
    put(
        zip,
        "session.json",
        Json.write(
                new Header(
                    format,
                    app,
                    created,
                    data,
                    classifier == null ? null : classifier.spec(),
                    generator == null ? null : generator.spec(),
                    judgement,
                    judgeConfidence))
            .getBytes(StandardCharsets.UTF_8));
    for (String role : List.of("classifier", "generator")) {
      Side<?> side = "classifier".equals(role) ? classifier : generator;
      if (side == null) {
        continue;
      }
      List<Map<String, Object>> stored = new ArrayList<>();
      for (TrainingEvent e : side.events()) {
        stored.add(StoredEvents.toStored(e));
      }
      put(zip, role + "-events.json", Json.write(stored).getBytes(StandardCharsets.UTF_8));
      if (side.model() != null) {
        zip.putNextEntry(new ZipEntry(role + "-model.bin"));
        side.model().writeTo(zip);
        zip.closeEntry();
      }
    }
    zip.finish();
    zip.flush();
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * Reads a session; every problem is an IOException whose message names the file and the problem. The
   * file may come from anyone: only the entries a session defines are read, each within its size limit
   * (see {@link BoundedZip}), and the models' numbers are checked when read ({@link ModelState#readFrom})
   * and again when a model takes them. Nothing is written anywhere.
   */
  public static SessionFile load(Path file) throws IOException {
    try (BoundedZip zip = new BoundedZip(new ZipFile(file.toFile()), file, ENTRY_LIMITS, TOTAL_LIMIT)) {
      ZipEntry head = zip.entry("session.json");
      if (head == null) {
        throw new IOException(file + " is not a Duet Studio session (no session.json inside)");
      }
      Header h;
      try (InputStream in = zip.open(head)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
        Object format = raw == null ? null : raw.get("format");
        if (!(format instanceof Number n)) {
          throw new IOException(file + " is not a Duet Studio session (no format number)");
        }
        if (n.intValue() > FORMAT) {
          throw new IOException(
              file + " was saved by a newer Duet Studio (session format " + n.intValue()
                  + "); this version reads up to format " + FORMAT + ". Update the studio to open it.");
        }
        h = Json.convert(raw, Header.class);
      } catch (RuntimeException e) {
        throw new IOException(file + " is damaged: its session.json cannot be read (" + e.getMessage() + ")", e);
      }
      zip.checkNames();
      Side<ClassifierSpec> c =
          h.classifierSpec() == null ? null : new Side<>(h.classifierSpec(), events(zip, file, "classifier"), model(zip, file, "classifier"));
      Side<GeneratorSpec> g =
          h.generatorSpec() == null ? null : new Side<>(h.generatorSpec(), events(zip, file, "generator"), model(zip, file, "generator"));
      return new SessionFile(
          h.format(), h.app(), h.created(), h.data(), c, g, h.judgement(), h.judgeConfidence());
    } catch (NoSuchFileException e) {
      throw new IOException("no session file at " + file, e);
    } catch (ZipException e) {
      throw new IOException(file + " is not a Duet Studio session, or it is damaged (" + e.getMessage() + ")", e);
    }
  }

  private static List<TrainingEvent> events(BoundedZip zip, Path file, String role) throws IOException {
    ZipEntry entry = zip.entry(role + "-events.json");
    if (entry == null) {
      throw new IOException(file + " is damaged: the " + role + "'s training record is missing");
    }
    try (InputStream in = zip.open(entry)) {
      List<?> stored = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
      List<TrainingEvent> events = new ArrayList<>();
      for (Object o : stored) {
        events.add(StoredEvents.fromStored((Map<?, ?>) o));
      }
      return events;
    } catch (RuntimeException e) {
      throw new IOException(file + " is damaged: the " + role + "'s training record cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static ModelState model(BoundedZip zip, Path file, String role) throws IOException {
    ZipEntry entry = zip.entry(role + "-model.bin");
    if (entry == null) {
      return null;
    }
    try (InputStream in = new BufferedInputStream(zip.open(entry), 1 << 16)) {
      return ModelState.readFrom(in);
    } catch (BoundedZip.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is damaged: the " + role + "'s model cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
