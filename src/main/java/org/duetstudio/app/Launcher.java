package org.duetstudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import org.duetstudio.cli.DuetCli;

/**
 * The program's entry point. A plain class (not a JavaFX {@code Application}) so that the studio starts
 * from the class path. No arguments, or {@code studio [options]}: the window; a lone {@code FILE.duet}
 * (how an installed app's file association starts it): {@code studio --open FILE.duet}; anything
 * else: the command line. Both go through the same command line ({@link DuetCli}), so {@code studio --help},
 * {@code --version} and bad options behave as they do for the other commands.
 *
 * <p>ND4J's OpenMP threads read {@code OMP_WAIT_POLICY} once, when the native library loads; spinning
 * threads made training 2–3× slower on small machines. A Java process cannot set its own environment,
 * so the installed app's launcher (which sets the system property {@code jpackage.app-path}) starts
 * itself once more with {@code OMP_WAIT_POLICY=PASSIVE} when the variable is missing, and passes on
 * the arguments, the streams and the exit status. Runs from Maven and the tests set it themselves.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    String appPath = System.getProperty("jpackage.app-path");
    if (appPath != null && System.getenv("OMP_WAIT_POLICY") == null) {
      System.exit(relaunch(appPath, args));
    }
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
              RenderWarmUp.start();
              Application.launch(DuetApp.class, Arrays.copyOfRange(argv, 1, argv.length));
              return 0;
            });
    int status = new DuetCli(System.out, System.err, studio).run(argv);
    if (!windowRan.get() || status != 0) {
      System.exit(status);
    }
  }

  /** Runs the app's own launcher with OMP_WAIT_POLICY=PASSIVE; its exit status. */
  private static int relaunch(String appPath, String[] args) {
    List<String> command = new ArrayList<>(List.of(appPath));
    command.addAll(Arrays.asList(args));
    ProcessBuilder b = new ProcessBuilder(command).inheritIO();
    b.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    // the launcher marks its own re-execution (_JPACKAGE_LAUNCHER); left set, the new one would take
    // the arguments for the JVM's own
    b.environment().keySet().removeIf(k -> k.startsWith("_JPACKAGE"));
    try {
      return b.start().waitFor();
    } catch (IOException e) {
      System.err.println("error: could not start " + appPath + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
