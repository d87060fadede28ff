package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
  @TempDir Path dir;

  @Test
  void readsPlainFilesWithPixelsScaledToUnitRange() throws Exception {
    Path img = IdxFiles.write(dir, "i.idx", IdxFiles.images(3, 2, 2));
    Path lab = IdxFiles.write(dir, "l.idx", IdxFiles.labels(0, 2, 1));
    ImageDataset d = IdxLoader.load(img, lab, null, "t");
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.shape()).isEqualTo(new ImageShape(2, 2, 1));
    assertThat(d.classNames()).containsExactly("class 0", "class 1", "class 2");
    assertThat(d.label(1)).isEqualTo(2);
    assertThat(d.image(1)).containsExactly(4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f);
  }

  @Test
  void readsGzipByContentNotByName() throws Exception {
    Path img = IdxFiles.write(dir, "images.bin", IdxFiles.gzip(IdxFiles.images(2, 3, 3)));
    Path lab = IdxFiles.write(dir, "labels.bin", IdxFiles.gzip(IdxFiles.labels(1, 0)));
    ImageDataset d = IdxLoader.load(img, lab, List.of("a", "b"), "t");
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.classNames()).containsExactly("a", "b");
  }

  @Test
  void truncatedGzipIsNamed() throws Exception {
    byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 10, 10));
    Path img = IdxFiles.write(dir, "img.gz", Arrays.copyOf(gz, gz.length / 2));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(new int[50]));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("img.gz")
        .hasMessageContaining("truncated gzip");
  }

  @Test
  void corruptGzipIsNamed() throws Exception {
    byte[] gz = IdxFiles.gzip(IdxFiles.images(5, 4, 4));
    for (int i = 12; i < gz.length - 8; i++) {
      gz[i] = (byte) 0xFF;
    }
    Path img = IdxFiles.write(dir, "img.gz", gz);
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(new int[5]));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("img.gz")
        .hasMessageContaining("corrupt gzip");
  }

  @Test
  void wrongMagicIsRefused() throws Exception {
    byte[] bytes = IdxFiles.images(2, 2, 2);
    bytes[2] = 0x09;
    Path img = IdxFiles.write(dir, "img", bytes);
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0, 0));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .hasMessageContaining("is not an IDX image file")
        .hasMessageContaining("0x00000903");
  }

  @Test
  void swappedFilesAreRecognised() throws Exception {
    Path img = IdxFiles.write(dir, "img", IdxFiles.images(2, 2, 2));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0, 0));
    assertThatThrownBy(() -> IdxLoader.load(lab, img, null, "t"))
        .hasMessageContaining("lab: is an IDX label file, not an image file");
  }

  @Test
  void impossibleDimensionsAreRefused() throws Exception {
    byte[] bytes = IdxFiles.images(1, 2, 2);
    bytes[11] = 0; // rows = 0
    Path img = IdxFiles.write(dir, "img", bytes);
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .hasMessageContaining("impossible dimensions 1 x 0 x 2");
  }

  @Test
  void truncatedPixelDataSaysHowMuchIsMissing() throws Exception {
    byte[] bytes = IdxFiles.images(4, 3, 3);
    Path img = IdxFiles.write(dir, "img", Arrays.copyOf(bytes, bytes.length - 5));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0, 0, 0, 0));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .hasMessageContaining("is truncated")
        .hasMessageContaining("36 pixel bytes")
        .hasMessageContaining("only 31 bytes follow");
  }

  @Test
  void countMismatchNamesBothFiles() throws Exception {
    Path img = IdxFiles.write(dir, "img", IdxFiles.images(3, 2, 2));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0, 1));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .hasMessageContaining("lab: holds 2 labels but the image file img holds 3 images");
  }

  @Test
  void labelOutOfRangeIsRefused() throws Exception {
    Path img = IdxFiles.write(dir, "img", IdxFiles.images(3, 2, 2));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0, 7, 1));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, List.of("a", "b", "c"), "t"))
        .hasMessageContaining("label 7 of item 1 is out of range")
        .hasMessageContaining("3 classes");
  }

  @Test
  void emptyAndMissingFiles() throws Exception {
    Path empty = IdxFiles.write(dir, "empty", new byte[0]);
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0));
    assertThatThrownBy(() -> IdxLoader.load(empty, lab, null, "t"))
        .hasMessageContaining("too short to be an IDX file");
    assertThatThrownBy(() -> IdxLoader.load(dir.resolve("nope"), lab, null, "t"))
        .hasMessageContaining("nope: does not exist");
  }

  @Test
  void trailingBytesAreRefused() throws Exception {
    byte[] bytes = IdxFiles.images(1, 2, 2);
    Path img = IdxFiles.write(dir, "img", Arrays.copyOf(bytes, bytes.length + 3));
    Path lab = IdxFiles.write(dir, "lab", IdxFiles.labels(0));
    assertThatThrownBy(() -> IdxLoader.load(img, lab, null, "t"))
        .hasMessageContaining("3 bytes more than its header announces");
  }
}
