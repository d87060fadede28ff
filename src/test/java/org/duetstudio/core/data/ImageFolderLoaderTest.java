package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {
  @TempDir Path root;

  private Path image(String cls, String name, int w, int h, Color c, String format) throws IOException {
    Path d = Files.createDirectories(root.resolve(cls));
    int type = c == null ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
    BufferedImage img = new BufferedImage(w, h, type);
    if (c == null) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          img.getRaster().setSample(x, y, 0, (x * 37 + y * 11) % 256);
        }
      }
    } else {
      var g = img.createGraphics();
      g.setColor(c);
      g.fillRect(0, 0, w, h);
      g.dispose();
    }
    Path f = d.resolve(name);
    ImageIO.write(img, format, f.toFile());
    return f;
  }

  @Test
  void greyPngsBecomeOneChannelWithExactValues() throws Exception {
    image("boots", "a.png", 4, 3, null, "png");
    image("boots", "b.png", 4, 3, null, "png");
    image("shirts", "c.png", 4, 3, null, "png");
    LoadResult r = ImageFolderLoader.load(root, LoadOptions.AUTOMATIC);
    ImageDataset d = r.dataset();
    assertThat(d.classNames()).containsExactly("boots", "shirts");
    assertThat(d.shape()).isEqualTo(new ImageShape(4, 3, 1));
    assertThat(d.classCounts()).containsExactly(2, 1);
    assertThat(d.image(0)[1]).isCloseTo(37 / 255f, within(1e-6f));
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void colourImagesGiveThreeChannelsAndJpegWorks() throws Exception {
    image("red", "a.png", 5, 5, Color.RED, "png");
    image("blue", "b.jpg", 5, 5, Color.BLUE, "jpg");
    ImageDataset d = ImageFolderLoader.load(root, LoadOptions.AUTOMATIC).dataset();
    assertThat(d.shape().channels()).isEqualTo(3);
    float[] blue = d.image(0); // "blue" sorts first
    assertThat(blue[2 * 25]).isGreaterThan(0.9f); // blue plane
    assertThat(blue[0]).isLessThan(0.1f); // red plane
  }

  @Test
  void mixedSizesLoadAtTheMostCommonSizeOrTheOneGiven() throws Exception {
    image("a", "small.png", 8, 8, null, "png");
    image("a", "small2.png", 8, 8, null, "png");
    image("b", "large.png", 16, 12, null, "png");
    LoadResult auto = ImageFolderLoader.load(root, LoadOptions.AUTOMATIC);
    assertThat(auto.dataset().shape()).isEqualTo(new ImageShape(8, 8, 1));
    assertThat(auto.resized()).extracting(r -> r.file().getFileName().toString()).containsExactly("large.png");
    assertThat(auto.summary()).contains("3 images loaded at 8x8 grey; 1 resized to it (first: large.png, 16x12)");

    ImageDataset d = ImageFolderLoader.load(root, LoadOptions.size(10, 10)).dataset();
    assertThat(d.shape()).isEqualTo(new ImageShape(10, 10, 1));
    assertThat(d.size()).isEqualTo(3);
  }

  /** Photos: mixed sizes, colour, some large; the folder one would drop on the window. */
  private void photos() throws IOException {
    photo("cats", "1.jpg", 1200, 900, new Color(200, 120, 40));
    photo("cats", "2.png", 640, 480, new Color(220, 130, 50));
    photo("cats", "3.jpg", 640, 480, new Color(210, 110, 30));
    photo("dogs", "1.jpg", 640, 480, new Color(40, 80, 200));
    photo("dogs", "2.png", 300, 400, new Color(30, 90, 210));
    photo("dogs", "3.bmp", 640, 480, new Color(50, 70, 190));
  }

  /** A colour photo: a filled background and a white square in its centre third. */
  private void photo(String cls, String name, int w, int h, Color c) throws IOException {
    Path d = Files.createDirectories(root.resolve(cls));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.WHITE);
    g.fillRect(w / 3, h / 3, w / 3, h / 3);
    g.dispose();
    String format = name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg");
    ImageIO.write(img, format, d.resolve(name).toFile());
  }

  @Test
  void aFolderOfMixedSizeColourPhotosLoadsAsOneDataSetAtTheCappedCommonSize() throws Exception {
    photos();
    LoadResult r = ImageFolderLoader.load(root, LoadOptions.AUTOMATIC);
    ImageDataset d = r.dataset();
    // 640x480 is the most common size; it is scaled down to fit 64x64, keeping its proportions
    assertThat(d.shape()).isEqualTo(new ImageShape(64, 48, 3));
    assertThat(d.size()).isEqualTo(6);
    assertThat(d.classCounts()).containsExactly(3, 3);
    assertThat(r.resized()).hasSize(6);
    assertThat(r.skipped()).isEmpty();
    int plane = 64 * 48;
    for (int i = 0; i < d.size(); i++) {
      float[] px = d.image(i);
      assertThat(px).hasSize(3 * plane);
      // a corner keeps the photo's colour, the centre is the white square (the crop is centred)
      int corner = 2 * 64 + 2;
      int centre = 24 * 64 + 32;
      boolean cat = d.label(i) == 0;
      assertThat(px[corner]).as("red at a corner").isCloseTo(cat ? 0.82f : 0.16f, within(0.08f));
      assertThat(px[2 * plane + corner]).as("blue at a corner").isCloseTo(cat ? 0.16f : 0.78f, within(0.08f));
      assertThat(px[centre]).isGreaterThan(0.9f);
      assertThat(px[plane + centre]).isGreaterThan(0.9f);
    }
  }

  @Test
  void photosLoadAtAChosenSizeAndGreyWhenAsked() throws Exception {
    photos();
    LoadResult r = ImageFolderLoader.load(root, LoadOptions.size(32, 32).withGrey(true));
    ImageDataset d = r.dataset();
    assertThat(d.shape()).isEqualTo(new ImageShape(32, 32, 1));
    assertThat(d.size()).isEqualTo(6);
    assertThat(r.resized()).hasSize(6);
    assertThat(r.summary()).startsWith("6 images loaded at 32x32 grey; 6 resized");
    // grey: the luminance of the photo's colour at a corner
    float cat = d.image(0)[0];
    assertThat(cat).isCloseTo(0.299f * 200 / 255 + 0.587f * 120 / 255 + 0.114f * 40 / 255, within(0.06f));
    assertThat(d.image(0)[16 * 32 + 16]).isGreaterThan(0.9f);
  }

  @Test
  void oneImageFileBecomesARowOfTheDataShape() throws Exception {
    photo("x", "one.jpg", 800, 600, new Color(40, 80, 200));
    float[] grey = ImageFiles.asRow(root.resolve("x/one.jpg"), new ImageShape(28, 28, 1));
    assertThat(grey).hasSize(28 * 28);
    assertThat(grey[0]).isCloseTo(0.299f * 40 / 255 + 0.587f * 80 / 255 + 0.114f * 200 / 255, within(0.06f));
    float[] rgb = ImageFiles.asRow(root.resolve("x/one.jpg"), new ImageShape(16, 8, 3));
    assertThat(rgb).hasSize(16 * 8 * 3);
    assertThat(rgb[2 * 128]).isCloseTo(200 / 255f, within(0.06f));
    Files.writeString(root.resolve("x/notes.png"), "not an image");
    assertThatThrownBy(() -> ImageFiles.asRow(root.resolve("x/notes.png"), new ImageShape(28, 28, 1)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("notes.png")
        .hasMessageContaining("could not be read as an image");
  }

  @Test
  void nonImagesAndBrokenImagesAreSkippedAndCounted() throws Exception {
    image("a", "good.png", 4, 4, null, "png");
    image("b", "good.png", 4, 4, null, "png");
    Files.writeString(root.resolve("a/notes.txt"), "hello");
    Files.write(root.resolve("b/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    LoadResult r = ImageFolderLoader.load(root, LoadOptions.AUTOMATIC);
    assertThat(r.dataset().size()).isEqualTo(2);
    assertThat(r.skipped()).hasSize(2);
    assertThat(r.skipped())
        .extracting(LoadResult.Skipped::reason)
        .containsExactlyInAnyOrder("not an image file", "could not be decoded as an image");
    assertThat(r.summary()).contains("2 images loaded").contains("2 files skipped");
  }

  @Test
  void emptyClassFolderIsRefused() throws Exception {
    image("a", "good.png", 4, 4, null, "png");
    Files.createDirectories(root.resolve("empty"));
    assertThatThrownBy(() -> ImageFolderLoader.load(root, LoadOptions.AUTOMATIC))
        .hasMessageContaining("class folder 'empty' holds no loadable image (it is empty)");
  }

  @Test
  void folderWithoutClassFoldersIsRefused() throws Exception {
    Files.writeString(root.resolve("x.png"), "not really");
    assertThatThrownBy(() -> ImageFolderLoader.load(root, LoadOptions.AUTOMATIC))
        .hasMessageContaining("has no class folders");
    assertThatThrownBy(
            () -> ImageFolderLoader.load(root.resolve("missing"), LoadOptions.AUTOMATIC))
        .hasMessageContaining("missing: does not exist");
  }
}
