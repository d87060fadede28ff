package org.duetstudio.app;

import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.duetstudio.cli.DuetCli;

/**
 * The program's entry point. A plain class (not a JavaFX {@code Application}) so that the studio starts
 * from the class path. No arguments, or {@code studio [options]}: the window. Anything else: the
 * command line.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("studio")) {
      List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
      try {
        StudioOptions.parse(rest); // refuse bad options before a window opens
      } catch (IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        System.exit(2);
      }
      DuetApp.startMillis = System.currentTimeMillis();
      Application.launch(DuetApp.class, rest.toArray(String[]::new));
    } else {
      DuetCli.main(args);
    }
  }
}
