package org.duetstudio.cli;

/** Bad command-line input found after parsing: the message is shown as it is, with a pointer to the help. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
