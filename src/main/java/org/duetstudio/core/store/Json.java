package org.duetstudio.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for specs, provenance and metrics: records in, pretty-printed text out, and back. */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static final JsonMapper COMPACT = JsonMapper.builder().build();

  private Json() {}

  /** On one line, for logs of one value per line. */
  public static String compact(Object value) {
    return COMPACT.writeValueAsString(value);
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** A value read as one type (e.g. a map from a file) converted to another (e.g. a spec record). */
  public static <T> T convert(Object value, Class<T> type) {
    return MAPPER.convertValue(value, type);
  }

  /** Reads {@code file} as {@code type}; a missing or malformed file gives an IOException naming it. */
  public static <T> T readFile(Path file, Class<T> type) throws IOException {
    try {
      return read(Files.readString(file), type);
    } catch (JacksonException e) {
      throw new IOException(file + " is not a valid " + type.getSimpleName() + " file: " + e.getOriginalMessage(), e);
    }
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
