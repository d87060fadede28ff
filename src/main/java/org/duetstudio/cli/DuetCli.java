package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.store.LibraryVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The studio's commands on picocli: {@code studio} (the window, given by the launcher), {@code train},
 * {@code experiment}, {@code bench}, {@code datasets} and {@code help}. Every command has {@code --help}
 * (generated from its option definitions) and {@code --version}. Exit status: 0 ok, 1 training failed,
 * 2 bad input (one sentence on the error stream, with a pointer to the command's help).
 */
@Command(
    name = "duet",
    mixinStandardHelpOptions = true,
    versionProvider = DuetCli.Version.class,
    description = "Duet Studio — a classifier and a generator trained on the same images, side by side.",
    sortOptions = false)
public final class DuetCli implements Callable<Integer> {
  private static final int WIDTH = 100;
  private static final String FOOTER =
      "%nRun without a command to open the studio window; 'help COMMAND' or 'COMMAND --help' for a"
          + " command's options.";

  private final PrintStream out;
  private final PrintStream err;
  private final Object studio;
  @Spec private CommandSpec spec;

  /** The command line without the window (its {@code studio} command is the launcher's). */
  public DuetCli(PrintStream out, PrintStream err) {
    this(out, err, null);
  }

  /**
   * @param studio the picocli command object of {@code studio} (named "studio"), or null for none
   */
  public DuetCli(PrintStream out, PrintStream err, Object studio) {
    this.out = out;
    this.err = err;
    this.studio = studio;
  }

  public static void main(String[] args) {
    System.exit(new DuetCli(System.out, System.err).run(args));
  }

  /** Runs one command; returns the exit status (0 ok, 1 training failed, 2 bad input). */
  public int run(String... argv) {
    if (argv.length == 0 || !argv[0].equals("studio")) {
      System.setProperty("java.awt.headless", "true");
    }
    return commandLine().execute(argv);
  }

  /** The command tree, its output going to this command line's streams. */
  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    if (studio != null) {
      cl.addSubcommand(studio);
    }
    cl.addSubcommand(new CommandLine(new TrainCommand(out)));
    cl.addSubcommand(ExperimentCommand.command(out));
    cl.addSubcommand(new BenchCommand(out));
    cl.addSubcommand(new Datasets(out));
    cl.addSubcommand(new HelpCommand());
    cl.getCommandSpec().usageMessage().footer(FOOTER); // after the subcommands: theirs are their own
    Converters.register(cl);
    cl.setUsageHelpWidth(WIDTH);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler(this::badInput);
    cl.setExecutionExceptionHandler(this::failed);
    return cl;
  }

  /** No command: the overview, and status 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(out);
    return 2;
  }

  /** An option or value picocli refused: one sentence and a pointer to the help. */
  private int badInput(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().getFirst();
      List<String> suggestions = u.getSuggestions();
      message =
          (first.startsWith("-") ? "unknown option " : "unexpected argument ") + "'" + first + "'"
              + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
    }
    err.println("error: " + message);
    err.println("(see '" + helpOf(cl) + "')");
    return 2;
  }

  /** A command's exception: bad input after parsing (2), a file that could not be written (1). */
  private int failed(Exception e, CommandLine cl, ParseResult parsed) throws Exception {
    if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      err.println("(see '" + helpOf(cl) + "')");
      return 2;
    }
    if (e instanceof DatasetException || e instanceof IOException) {
      err.println("error: " + e.getMessage());
      return e instanceof DatasetException ? 2 : 1;
    }
    throw e;
  }

  private static String helpOf(CommandLine cl) {
    String name = cl.getCommandSpec().qualifiedName(" ");
    return cl.getParent() == null ? "help" : name.substring(name.indexOf(' ') + 1) + " --help";
  }

  /** {@code --version}: the studio's version, then Java's and each library's. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Map<String, String> v = LibraryVersions.detect();
      return v.entrySet().stream()
          .map(
              e ->
                  e.getKey().equals("duet-studio")
                      ? "Duet Studio " + e.getValue()
                      : "  " + e.getKey() + " " + e.getValue())
          .toArray(String[]::new);
    }
  }

  /** {@code datasets}: the data sets found on this machine. */
  @Command(
      name = "datasets",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "List the data sets found on this machine.")
  private static final class Datasets implements Callable<Integer> {
    private final PrintStream out;

    Datasets(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      List<DatasetSource> found = new DatasetLocator().available();
      if (found.isEmpty()) {
        out.println("no data set found; give a path with --data");
      }
      for (DatasetSource s : found) {
        out.printf("%-8s %s  (%s)%n", s.spec(), s.name(), s.path());
      }
      return 0;
    }
  }
}
