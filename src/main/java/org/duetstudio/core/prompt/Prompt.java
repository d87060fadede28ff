package org.duetstudio.core.prompt;

/**
 * What a prompt asks for: {@code count} images of class {@code classIndex}.
 *
 * @param words the words of the prompt that named the class
 */
public record Prompt(int classIndex, String className, int count, String words) {
  /** Images drawn for a prompt that names no number ("trousers"). */
  public static final int DEFAULT_COUNT = 8;

  /** The most a prompt may ask for. */
  public static final int MAX_COUNT = 64;
}
