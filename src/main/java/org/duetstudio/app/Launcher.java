package org.duetstudio.app;

import org.duetstudio.cli.DuetCli;

/**
 * The program's entry point. A plain class (not a JavaFX {@code Application}) so that the studio starts
 * from the class path. With arguments it runs the command line; without, the studio window.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    DuetCli.main(args);
  }
}
