package org.duetstudio.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for specs, provenance and metrics: records in, pretty-printed text out, and back. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** Writes {@code value} as JSON to {@code file}, atomically (see {@link AtomicFiles}). */
  public static void writeFile(Path file, Object value) throws IOException {
    try {
      AtomicFiles.writeString(file, write(value) + "\n");
    } catch (JacksonException e) {
      throw new IOException("could not write " + file + " as JSON: " + e.getOriginalMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
