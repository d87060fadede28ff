package org.duetstudio.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.prompt.Prompt;
import org.duetstudio.core.prompt.PromptReader;
import org.duetstudio.core.store.ImageGrids;

/**
 * A prompt answered by a class-conditional generator: the prompt read against its classes, that many
 * images of that class drawn (as the window's prompt field draws them), and {@code prompt.png}.
 */
public final class PromptFigure {
  public static final String FILE = "prompt.png";

  private PromptFigure() {}

  /** What a prompt drew. */
  public record Drawn(Prompt prompt, List<float[]> images) {}

  /**
   * Reads {@code text} and draws it with {@code g}; throws IllegalArgumentException with one sentence for
   * a generator that cannot be asked for a class or a prompt that names none.
   */
  public static Drawn draw(ImageGenerator g, String text, long seed) {
    if (!(g instanceof ConditionalGenerator cg)) {
      throw new IllegalArgumentException(
          "a prompt needs a class-conditional generator (--conditional); this one draws no class on request");
    }
    Prompt p = PromptReader.forClasses(cg.classNames()).read(text);
    return new Drawn(p, Arrays.asList(cg.sampleOf(p.classIndex(), p.count(), seed)));
  }

  /** Draws {@code text} and writes the images to {@code dir/prompt.png}, at most 8 a row. */
  public static Drawn write(Path dir, ImageGenerator g, String text, long seed) throws IOException {
    Drawn d = draw(g, text, seed);
    ImageGrids.write(dir.resolve(FILE), d.images(), g.shape(), Math.min(8, d.images().size()), null);
    return d;
  }
}
