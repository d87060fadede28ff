package org.duetstudio.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PopOver;

/**
 * The "what am I looking at" texts: plain text files in {@code assets/explanations/}, shipped on the class
 * path, so a teacher can rewrite them without touching code. Each shows in a pop-over from a "?" button.
 */
public final class Explanations {
  private Explanations() {}

  /** The text for {@code key} (file {@code assets/explanations/<key>.txt}). */
  public static String text(String key) {
    String res = "/assets/explanations/" + key + ".txt";
    try (InputStream in = Explanations.class.getResourceAsStream(res)) {
      if (in == null) {
        return "(no explanation yet: add assets/explanations/" + key + ".txt)";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(could not read " + res + ")";
    }
  }

  /** A small "?" button that shows the explanation for {@code key}. */
  public static Button button(String key) {
    Button b = new Button("?");
    b.getStyleClass().add("help-button");
    b.setTooltip(new Tooltip("What am I looking at?"));
    b.setFocusTraversable(false);
    b.setOnAction(
        e -> {
          Label text = new Label(text(key));
          text.setWrapText(true);
          text.setMaxWidth(420);
          text.setPadding(new Insets(12));
          text.getStyleClass().add("explanation");
          PopOver pop = new PopOver(text);
          pop.setDetachable(false);
          pop.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
          pop.show(b);
        });
    return b;
  }
}
