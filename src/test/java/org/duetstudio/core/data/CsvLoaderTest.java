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
}
