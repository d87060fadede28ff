package org.duetstudio.core.studio;

import java.util.Locale;

/** The two sides of the studio. */
public enum Role {
  CLASSIFIER,
  GENERATOR;

  /** As files and JSON name it: "classifier", "generator". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role {@link #id()} names. */
  public static Role of(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown side '" + id + "'");
  }
}
