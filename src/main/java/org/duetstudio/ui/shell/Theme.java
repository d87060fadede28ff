package org.duetstudio.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The window's two themes: AtlantaFX's Primer, light or dark, under the studio's own stylesheet (which
 * redefines its own colours for the dark one when the window's root carries {@link #styleClass()}).
 */
public enum Theme {
  LIGHT("Light"),
  DARK("Dark");

  private final String label;

  Theme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** AtlantaFX's user-agent stylesheet for this theme. */
  public String stylesheet() {
    return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
  }

  /** The style class the window's root carries in this theme ("dark" or none). */
  public String styleClass() {
    return this == DARK ? "dark" : "light";
  }

  /** The theme named {@code name} (as stored), light for anything unknown. */
  public static Theme named(String name) {
    return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
  }
}
