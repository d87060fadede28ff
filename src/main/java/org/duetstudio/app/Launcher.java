package org.duetstudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import org.duetstudio.cli.DuetCli;

/**
 * The program's entry point. A plain class (not a JavaFX {@code Application}) so that the studio starts
 * from the class path. No arguments, or {@code studio [options]}: the window; a lone {@code FILE.duet}
 * (how an installed app's file association starts it): {@code studio --open FILE.duet}; anything
 * else: the command line. Both go through the same command line ({@link DuetCli}), so {@code studio --help},
 * {@code --version} and bad options behave as they do for the other commands.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    String[] argv =
        args.length == 0
            ? new String[] {"studio"}
            : args.length == 1 && args[0].endsWith(".duet") && Files.isRegularFile(Path.of(args[0]))
                ? new String[] {"studio", "--open", args[0]} // a session opened from the file manager
                : args;
    AtomicBoolean windowRan = new AtomicBoolean();
    StudioOptions.Studio studio =
        new StudioOptions.Studio(
            options -> {
              windowRan.set(true);
              DuetApp.startMillis = System.currentTimeMillis();
              Application.launch(DuetApp.class, Arrays.copyOfRange(argv, 1, argv.length));
              return 0;
            });
    int status = new DuetCli(System.out, System.err, studio).run(argv);
    if (!windowRan.get() || status != 0) {
      System.exit(status);
    }
  }
}
