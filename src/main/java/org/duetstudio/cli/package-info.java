/**
 * The command line: {@code train} (options → specs → the core pipeline; {@code --resume}, {@code
 * --rerun}), {@code experiment}, {@code bench}, {@code datasets}, {@code help}. Commands print progress;
 * what they compute and write is core's.
 */
package org.duetstudio.cli;
