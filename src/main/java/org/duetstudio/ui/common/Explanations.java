package org.duetstudio.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
  /** Every explanation, key → title, in the order the window shows them (Help → Explanations). */
  private static final String[][] TOPICS = {
    {"studio", "The studio"},
    {"dataset", "The data"},
    {"classifier", "The classifier"},
    {"curves-classifier", "The classifier's curves"},
    {"predictions", "Predictions"},
    {"confusion", "The confusion matrix"},
    {"generator", "The generator"},
    {"curves-generator", "The generator's curves"},
    {"samples", "Samples"},
    {"reconstructions", "Reconstructions"},
    {"latent", "Latent space"},
    {"clusters", "Clusters"},
    {"judge", "The judge"},
    {"judge-fidelity", "Label fidelity"},
    {"judge-cas", "CAS"},
    {"judge-memorisation", "Memorisation"},
    {"judge-map", "Latent map"},
    {"judge-interpolation", "Interpolation"},
    {"judge-drawing", "Drawing pad"},
  };

  private Explanations() {}

  /** Every explanation's key and title, in the window's order. */
  public static Map<String, String> topics() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String[] t : TOPICS) {
      m.put(t[0], t[1]);
    }
    return m;
  }

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

  /** A small "?" button that shows the explanation for {@code key}; a tab stop, so the keyboard reaches it. */
  public static Button button(String key) {
    Button b = new Button("?");
    b.getStyleClass().add("help-button");
    b.setTooltip(new Tooltip("What am I looking at?"));
    b.setAccessibleText("Explain: " + topics().getOrDefault(key, key));
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
