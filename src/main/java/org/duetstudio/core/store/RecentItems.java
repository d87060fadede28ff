package org.duetstudio.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions and data sets opened lately, newest first, kept in a small JSON file in the user's home
 * ({@code ~/.duet-studio/recent.json}). A missing or unreadable file is an empty list: the start screen
 * must never fail because of it.
 */
public final class RecentItems {
  /** Items kept per kind. */
  public static final int KEEP = 8;

  /** @param kind "session" or "data"; @param location a path, or a data name such as "sample" */
  public record Item(String kind, String location, String opened) {}

  private record Stored(List<Item> items) {}

  private final Path file;

  public RecentItems(Path file) {
    this.file = file;
  }

  /** The studio's own folder: {@code duet.home} if set, else {@code ~/.duet-studio}. */
  public static Path home() {
    String home = System.getProperty("duet.home");
    return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".duet-studio");
  }

  /** The default place: {@code recent.json} in {@link #home()}. */
  public static RecentItems inHome() {
    return new RecentItems(home().resolve("recent.json"));
  }

  public List<Item> items() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      Stored s = Json.readFile(file, Stored.class);
      return s.items() == null ? List.of() : List.copyOf(s.items());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The items of one kind, newest first. */
  public static List<Item> of(List<Item> items, String kind) {
    return items.stream().filter(i -> kind.equals(i.kind())).toList();
  }

  /**
   * {@code items} with {@code location} first among its kind (once), keeping {@value #KEEP} of each kind.
   */
  public static List<Item> with(List<Item> items, String kind, String location) {
    List<Item> all = new ArrayList<>();
    all.add(new Item(kind, location, Instant.now().toString()));
    int sameKind = 1;
    for (Item i : items) {
      if (i.kind().equals(kind) && i.location().equals(location)) {
        continue;
      }
      if (i.kind().equals(kind) && ++sameKind > KEEP) {
        continue;
      }
      all.add(i);
    }
    return List.copyOf(all);
  }

  /** Writes {@code items}; a home that cannot be written is ignored (the list is a convenience). */
  public void write(List<Item> items) {
    try {
      Json.writeFile(file, new Stored(List.copyOf(items)));
    } catch (IOException e) {
      // the studio works without it
    }
  }
}
