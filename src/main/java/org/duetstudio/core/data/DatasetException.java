package org.duetstudio.core.data;

import java.nio.file.Path;

/**
 * A data set could not be loaded. The message names the file and the problem in one sentence, so it can
 * be shown to a user as it is (in a dialog or on the command line), without a stack trace.
 */
public final class DatasetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public DatasetException(Path file, String problem) {
    super(file == null ? problem : file + ": " + problem);
    this.file = file;
  }

  public DatasetException(Path file, String problem, Throwable cause) {
    super(file == null ? problem : file + ": " + problem, cause);
    this.file = file;
  }

  /** The file (or folder) that caused the problem; may be null when no single file is to blame. */
  public Path file() {
    return file;
  }
}
