package org.duetstudio.core.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a prompt such as "a sneaker", "two bags" or "trousers" against the classes of the loaded data:
 * each class answers to its name, the parts of a name with a slash ("T-shirt/top": "t-shirt", "top"), their
 * plurals, and the synonyms of a plain words file (for Fashion-MNIST, {@code
 * assets/prompts/fashion-mnist.txt}); a user's folder names work as they are. A number word or digits
 * say how many ("a" and "an" one); without one, a plural asks for {@value Prompt#DEFAULT_COUNT}. A prompt
 * that names no class gets one sentence with the words it knows.
 */
public final class PromptReader {
  private static final String FASHION = "/assets/prompts/fashion-mnist.txt";
  private static final List<String> NUMBERS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen", "twenty");

  private final List<String> classNames;
  /** Phrase (lower case, single spaces) → class. */
  private final Map<String, Integer> phrases = new LinkedHashMap<>();

  /** @param synonyms class name → further words for it (classes not among {@code classNames} ignored) */
  public PromptReader(List<String> classNames, Map<String, List<String>> synonyms) {
    this.classNames = List.copyOf(classNames);
    for (int c = 0; c < classNames.size(); c++) {
      String name = classNames.get(c);
      add(name, c);
      for (String part : name.split("/")) {
        add(part, c);
      }
      for (String s : synonyms.getOrDefault(name, List.of())) {
        add(s, c);
      }
    }
  }

  /** A reader for {@code classNames}, with the Fashion-MNIST synonyms when those are its classes. */
  public static PromptReader forClasses(List<String> classNames) {
    Map<String, List<String>> synonyms = new LinkedHashMap<>();
    try (InputStream in = PromptReader.class.getResourceAsStream(FASHION)) {
      if (in != null) {
        synonyms = parseSynonyms(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PromptReader(classNames, synonyms);
  }

  /** The synonyms file: "Class name: word, word" lines, # comments. */
  static Map<String, List<String>> parseSynonyms(InputStream in) throws IOException {
    Map<String, List<String>> m = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String l = line.strip();
      int colon = l.lastIndexOf(':');
      if (l.isEmpty() || l.startsWith("#") || colon <= 0) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (String w : l.substring(colon + 1).split(",")) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
      m.put(l.substring(0, colon).strip(), words);
    }
    return m;
  }

  private void add(String phrase, int c) {
    String p = normal(phrase);
    if (p.isEmpty()) {
      return;
    }
    phrases.putIfAbsent(p, c);
    for (String plural : plurals(p)) {
      phrases.putIfAbsent(plural, c);
    }
  }

  /** The plural forms of a phrase's last word. */
  private static List<String> plurals(String p) {
    int cut = p.lastIndexOf(' ') + 1;
    String head = p.substring(0, cut);
    String w = p.substring(cut);
    List<String> out = new ArrayList<>();
    if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
      out.add(head + w + "es");
    } else if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
      out.add(head + w.substring(0, w.length() - 1) + "ies");
    } else {
      out.add(head + w + "s");
    }
    return out;
  }

  /** Lower case, words separated by single spaces; hyphens kept, other punctuation dropped. */
  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\-]+", " ").strip().replaceAll(" +", " ");
  }

  /** Reads {@code text}; throws IllegalArgumentException with the words it knows if no class is named. */
  public Prompt read(String text) {
    String p = " " + normal(text) + " ";
    String best = null;
    for (String phrase : phrases.keySet()) {
      if (p.contains(" " + phrase + " ") && (best == null || phrase.length() > best.length())) {
        best = phrase;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "\"" + text.strip() + "\" names none of the classes; the words I know are: " + String.join(", ", knownWords()));
    }
    int c = phrases.get(best);
    int count = count(p.substring(0, p.indexOf(" " + best + " ")).strip(), !singular(best, c));
    return new Prompt(c, classNames.get(c), Math.min(Prompt.MAX_COUNT, count), best);
  }

  private boolean singular(String phrase, int c) {
    // a phrase is plural when it is a plural form of another phrase of the same class
    for (Map.Entry<String, Integer> e : phrases.entrySet()) {
      if (e.getValue() == c && !e.getKey().equals(phrase) && plurals(e.getKey()).contains(phrase)) {
        return false;
      }
    }
    return true;
  }

  private static int count(String before, boolean plural) {
    String[] words = before.isEmpty() ? new String[0] : before.split(" ");
    for (int i = words.length - 1; i >= 0; i--) {
      String w = words[i];
      if (w.matches("\\d{1,4}")) {
        return Math.max(1, Integer.parseInt(w));
      }
      int n = NUMBERS.indexOf(w);
      if (n > 0) {
        return n;
      }
      if (w.equals("a") || w.equals("an")) {
        return 1;
      }
    }
    return plural ? Prompt.DEFAULT_COUNT : 1;
  }

  /** The class names and synonyms, as a prompt may use them (plurals left out). */
  public List<String> knownWords() {
    TreeSet<String> words = new TreeSet<>();
    for (String phrase : phrases.keySet()) {
      boolean isPlural = false;
      for (String other : phrases.keySet()) {
        if (!other.equals(phrase) && plurals(other).contains(phrase)) {
          isPlural = true;
        }
      }
      if (!isPlural) {
        words.add(phrase);
      }
    }
    return List.copyOf(words);
  }
}
