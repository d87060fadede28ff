package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    return Files.writeString(dir.resolve("d.csv"), text);
  }

  @Test
  void readsHeaderAndNumericLabelsAndInfersSquareShape() throws Exception {
    ImageDataset d = CsvLoader.load(csv("label,p1,p2,p3,p4\n1,0,255,0,51\n0,10,20,30,40\n"), null);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.shape()).isEqualTo(new ImageShape(2, 2, 1));
    assertThat(d.classNames()).containsExactly("class 0", "class 1");
    assertThat(d.image(0)).containsExactly(0f, 1f, 0f, 0.2f);
  }

  @Test
  void nameLabelsBecomeSortedClasses() throws Exception {
    ImageDataset d = CsvLoader.load(csv("shoe,0,0,0,0\nbag,1,1,1,1\nshoe,2,2,2,2\n"), null);
    assertThat(d.classNames()).containsExactly("bag", "shoe");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void badRowsAreNamedByLineAndColumn() throws Exception {
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0\n0,1,2,3\n"), null))
        .hasMessageContaining("line 2 holds 3 pixel values, expected 4");
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,x,0\n"), null))
        .hasMessageContaining("line 1, column 4: 'x' is not a number");
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,300,0,0\n"), null))
        .hasMessageContaining("pixel value 300 is outside 0..255");
  }

  @Test
  void emptyNonSquareAndMismatchedShapesAreRefused() throws Exception {
    assertThatThrownBy(() -> CsvLoader.load(csv(""), null)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0,0\n"), null))
        .hasMessageContaining("do not make a square image");
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0\n"), new ImageShape(3, 3, 1)))
        .hasMessageContaining("needs 9");
  }

  @Test
  void quotedClassNamesAByteOrderMarkAndWindowsLineEndsAreReadCorrectly() throws Exception {
    ImageDataset d =
        CsvLoader.load(
            csv("\uFEFFlabel,a,b,c,d\r\n\"T-shirt, top\",0,0,0,0\r\n\r\n\"Bag\",\"255\",0,0,0\r\n\"say \"\"hi\"\"\",1,1,1,1"),
            null);
    assertThat(d.classNames()).containsExactly("Bag", "T-shirt, top", "say \"hi\"");
    assertThat(d.labels()).containsExactly(1, 0, 2);
    assertThat(d.image(1)).containsExactly(1f, 0f, 0f, 0f);
    // a BOM before numeric data (no header) is not taken for part of the first label
    ImageDataset n = CsvLoader.load(csv("\uFEFF3,0,0,0,0\n1,0,0,0,0\n"), null);
    assertThat(n.classNames()).hasSize(4);
    assertThat(n.labels()).containsExactly(3, 1);
  }

  @Test
  void aMissingValueIsNamedByLineAndColumn() throws Exception {
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0\n\n0,1,,3,4\n"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("line 3, column 3: the pixel value is missing");
    // the last line, without a line break after it, is still named by its number
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0\n0,1,2,3"), null))
        .hasMessageContaining("line 2 holds 3 pixel values, expected 4");
  }

  @Test
  void brokenQuotingAndAbsurdLabelsGetOneSentence() throws Exception {
    assertThatThrownBy(() -> CsvLoader.load(csv("1,0,0,0,0\n\"open,0,0,0,0\n"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("is not a well-formed CSV file");
    assertThatThrownBy(() -> CsvLoader.load(csv("99999999999999,0,0,0,0\n"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("is the first column the label?");
    assertThatThrownBy(() -> CsvLoader.load(csv("2000000,0,0,0,0\n"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("at most 10000 classes");
    Files.write(dir.resolve("latin1.csv"), new byte[] {'a', (byte) 0xE9, ',', '0', '\n'});
    assertThatThrownBy(() -> CsvLoader.load(dir.resolve("latin1.csv"), null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void aDataSetThatWouldNotFitInMemoryIsRefusedBeforeLoading() throws Exception {
    long available = Runtime.getRuntime().maxMemory() >> 20;
    assertThatThrownBy(() -> CsvLoader.checkMemory(dir.resolve("big.csv"), 50_000_000L, new ImageShape(28, 28, 1)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("holds up to 50,000,000 images of")
        .hasMessageContaining("which need 150,")
        .hasMessageMatching(".*but only [0-9,]+ MB are available.*")
        .hasMessageContaining("-Xmx");
    assertThat(available).isPositive();
    CsvLoader.checkMemory(dir.resolve("small.csv"), 60_000L, new ImageShape(28, 28, 1)); // fits
  }
}
