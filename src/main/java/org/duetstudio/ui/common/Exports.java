package org.duetstudio.ui.common;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.ui.curves.CurvePoint;
import org.duetstudio.ui.curves.Curves;

/**
 * "Save as PNG…" on any chart or picture, "Save data as CSV…" on any chart: a right-click menu, a file
 * chooser, an atomic write.
 */
public final class Exports {
  private Exports() {}

  /** A right-click menu on {@code node}: save it as PNG; with {@code curves}, save their points as CSV. */
  public static void install(Node node, String name, Curves curves) {
    ContextMenu menu = new ContextMenu();
    MenuItem png = new MenuItem("Save as PNG…");
    png.setOnAction(
        e -> {
          WritableImage img = snapshot(node); // on the FX thread; the file is written off it
          save(node, name + ".png", file -> writePng(img, file));
        });
    menu.getItems().add(png);
    if (curves != null) {
      MenuItem csv = new MenuItem("Save data as CSV…");
      csv.setOnAction(
          e -> {
            String text = csv(curves);
            save(node, name + ".csv", file -> AtomicFiles.writeString(file, text));
          });
      menu.getItems().add(csv);
    }
    node.setOnContextMenuRequested(e -> menu.show(node, e.getScreenX(), e.getScreenY()));
  }

  /** A right-click menu that saves the picture {@code image} supplies, at its own resolution. */
  public static void installImage(Node node, String name, Supplier<Image> image) {
    ContextMenu menu = new ContextMenu();
    MenuItem png = new MenuItem("Save as PNG…");
    png.setOnAction(
        e -> {
          Image img = image.get();
          if (img != null) {
            save(node, name + ".png", file -> writePng(img, file));
          }
        });
    menu.getItems().add(png);
    node.setOnContextMenuRequested(e -> menu.show(node, e.getScreenX(), e.getScreenY()));
  }

  /** Writes a file whose content is already made (the writer runs off the FX thread). */
  @FunctionalInterface
  public interface Writer {
    void write(Path file) throws IOException;
  }

  /**
   * Asks where to save (suggesting {@code initialName}) and writes there in the background; a failure is
   * shown in one sentence.
   */
  public static void save(Node owner, String initialName, Writer writer) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(initialName);
    File f = chooser.showSaveDialog(owner.getScene().getWindow());
    if (f == null) {
      return;
    }
    // views have no executor of the window's at hand: one short-lived thread per save, closed at once
    // (it ends when the file is written)
    try (BackgroundTasks once = new FxTaskExecutor(1)) {
      once.run(
            () -> {
              writer.write(f.toPath());
              return f;
            },
            done -> {},
            ex -> {
              Alert a =
                  new Alert(
                      Alert.AlertType.ERROR,
                      "Could not write " + f + ": " + ex.getMessage());
              a.initOwner(owner.getScene().getWindow());
              a.show();
            });
    }
  }

  static WritableImage snapshot(Node node) {
    return node.snapshot(null, null);
  }

  /** The image as PNG (through AWT: javafx.swing is not on the class path). */
  public static void writePng(Image img, Path file) throws IOException {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img.getPixelReader();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    AtomicFiles.write(file, o -> ImageIO.write(out, "png", o));
  }

  /** Every point of every series: series, epoch, images, seconds, value. */
  public static String csv(Curves curves) {
    StringBuilder b = new StringBuilder("series,epoch,images,seconds,value\n");
    for (String name : curves.names()) {
      for (CurvePoint p : curves.points(name)) {
        b.append(String.format(
            Locale.ROOT, "%s,%s,%s,%s,%s%n", name.replace(',', ';'), p.epochs(), p.images(), p.seconds(), p.value()));
      }
    }
    return b.toString();
  }
}
