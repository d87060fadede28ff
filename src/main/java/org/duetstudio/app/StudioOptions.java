package org.duetstudio.app;

import java.util.List;

/**
 * Options of {@code duet studio}: which data to open, how many training images to use, and whether to
 * start training at once and close when it ends (for demos, screenshots and the UI benchmark).
 *
 * @param data "sample", "full" or a path; null for the best available
 * @param trainLimit training images to use (0 = all)
 * @param train press "Train both" as soon as data and back-end are ready
 * @param exitWhenDone close the window when both runs have ended, printing the UI figures
 */
record StudioOptions(String data, int trainLimit, boolean train, boolean exitWhenDone) {
  static final String HELP =
      """
      duet studio [--data DATA] [--train-limit N] [--train] [--exit-when-done]

        --data DATA         sample | full | a path (default: the full set if installed, else the sample)
        --train-limit N     train on the first N training images
        --train             start both models as soon as the data is loaded
        --exit-when-done    close when both have finished and print the UI figures
                            (window start time, longest UI stall, peak memory)
      """;

  static StudioOptions parse(List<String> args) {
    String data = null;
    int limit = 0;
    boolean train = false;
    boolean exit = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--data" -> data = value(args, ++i);
        case "--train-limit" -> {
          try {
            limit = Integer.parseInt(value(args, ++i));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--train-limit must be a whole number");
          }
        }
        case "--train" -> train = true;
        case "--exit-when-done" -> exit = true;
        default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + HELP);
      }
    }
    return new StudioOptions(data, limit, train, exit);
  }

  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
    }
    return args.get(i);
  }
}
