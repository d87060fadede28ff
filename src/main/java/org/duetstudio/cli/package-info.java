/**
 * The command line, on picocli: {@link org.duetstudio.cli.DuetCli} (the command tree, {@code --help}
 * and {@code --version} on every command, one sentence and status 2 for bad input), {@code train}
 * (TrainOptions: options → specs with each kind's defaults from core/config; then the core pipeline;
 * {@code --resume}, {@code --rerun}), {@code experiment NAME} (one subcommand per experiment, its
 * options made from the experiment's settings), {@code bench}, {@code datasets}, {@code help};
 * Converters (numbers, model kinds). The window's {@code studio} command is app's StudioOptions, added
 * by the launcher. Commands print progress; what they compute and write is core's.
 */
package org.duetstudio.cli;
