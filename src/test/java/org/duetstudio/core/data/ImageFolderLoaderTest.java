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
    LoadResult r = ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic());
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
    ImageDataset d = ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic()).dataset();
    assertThat(d.shape().channels()).isEqualTo(3);
    float[] blue = d.image(0); // "blue" sorts first
    assertThat(blue[2 * 25]).isGreaterThan(0.9f); // blue plane
    assertThat(blue[0]).isLessThan(0.1f); // red plane
  }

  @Test
  void mixedSizesAreRefusedUnlessATargetIsGiven() throws Exception {
    image("a", "small.png", 8, 8, null, "png");
    image("b", "large.png", 16, 12, null, "png");
    assertThatThrownBy(() -> ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("different sizes")
        .hasMessageContaining("8x8")
        .hasMessageContaining("16x12");
    ImageDataset d = ImageFolderLoader.load(root, new ImageFolderLoader.Options(10, 10, 1)).dataset();
    assertThat(d.shape()).isEqualTo(new ImageShape(10, 10, 1));
    assertThat(d.size()).isEqualTo(2);
  }

  @Test
  void nonImagesAndBrokenImagesAreSkippedAndCounted() throws Exception {
    image("a", "good.png", 4, 4, null, "png");
    image("b", "good.png", 4, 4, null, "png");
    Files.writeString(root.resolve("a/notes.txt"), "hello");
    Files.write(root.resolve("b/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    LoadResult r = ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic());
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
    assertThatThrownBy(() -> ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic()))
        .hasMessageContaining("class folder 'empty' holds no loadable image (it is empty)");
  }

  @Test
  void folderWithoutClassFoldersIsRefused() throws Exception {
    Files.writeString(root.resolve("x.png"), "not really");
    assertThatThrownBy(() -> ImageFolderLoader.load(root, ImageFolderLoader.Options.automatic()))
        .hasMessageContaining("has no class folders");
    assertThatThrownBy(
            () -> ImageFolderLoader.load(root.resolve("missing"), ImageFolderLoader.Options.automatic()))
        .hasMessageContaining("missing: does not exist");
  }
}
