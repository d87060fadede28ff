package org.duetstudio.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
  @TempDir Path tmp;

  @Test
  void sampleDataIsFoundAndHoldsABalancedFashionMnistSubset() throws Exception {
    DatasetLocator locator = new DatasetLocator(tmp.resolve("no-debian"));
    DatasetSource sample = locator.resolve("sample");
    TrainTestData d = sample.load().data();
    assertThat(d.train().size()).isEqualTo(12_000);
    assertThat(d.test().size()).isEqualTo(2_500);
    assertThat(d.shape()).isEqualTo(new ImageShape(28, 28, 1));
    assertThat(d.train().classNames()).isEqualTo(DatasetSource.FASHION_CLASSES);
    assertThat(d.train().classCounts()).containsOnly(1200);
    assertThat(d.test().classCounts()).containsOnly(250);
    assertThat(locator.available()).extracting(DatasetSource::spec).containsExactly("sample");
  }

  @Test
  void fullSetIsOfferedOnlyWhenInstalled() throws Exception {
    Path debian = Files.createDirectories(tmp.resolve("debian"));
    DatasetLocator locator = new DatasetLocator(debian);
    assertThat(locator.fullFashionMnist()).isEmpty();
    assertThatThrownBy(() -> locator.resolve("full"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    for (String p : new String[] {"train", "t10k"}) {
      IdxFiles.write(debian, p + "-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(4, 2, 2)));
      IdxFiles.write(debian, p + "-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(0, 1, 0, 1)));
    }
    assertThat(locator.fullFashionMnist()).isPresent();
    assertThat(locator.preferred().orElseThrow().spec()).isEqualTo("full");
  }

  @Test
  void pathsResolveToTheRightLoaderAndSingleSetsAreSplit() throws Exception {
    DatasetLocator locator = new DatasetLocator(tmp.resolve("no-debian"));
    Path csv = tmp.resolve("d.csv");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(i % 2).append(",1,2,3,4\n");
    }
    Files.writeString(csv, sb);
    DatasetSource s = locator.resolve(csv.toString());
    assertThat(s.kind()).isEqualTo(DatasetSource.Kind.CSV);
    TrainTestData d = s.load().data();
    assertThat(d.train().size()).isEqualTo(16);
    assertThat(d.test().size()).isEqualTo(4);

    Path idx = Files.createDirectories(tmp.resolve("idx"));
    IdxFiles.write(idx, "my-images-idx3-ubyte", IdxFiles.images(10, 2, 2));
    IdxFiles.write(idx, "my-labels-idx1-ubyte", IdxFiles.labels(0, 1, 0, 1, 0, 1, 0, 1, 0, 1));
    assertThat(locator.resolve(idx.toString()).kind()).isEqualTo(DatasetSource.Kind.IDX_FOLDER);
    assertThat(locator.resolve(idx.toString()).load().data().test().size()).isEqualTo(2);

    assertThatThrownBy(() -> locator.resolve(tmp.resolve("nothing").toString()))
        .hasMessageContaining("does not exist");
    Path txt = Files.writeString(tmp.resolve("x.txt"), "x");
    assertThatThrownBy(() -> locator.resolve(txt.toString()))
        .hasMessageContaining("is not a data set the studio reads");
  }

  @Test
  void loadOptionsTravelInTheSpecSoARecordedRunFindsTheSameData() throws Exception {
    DatasetLocator locator = new DatasetLocator(tmp.resolve("no-debian"));
    Path photos = tmp.resolve("photos");
    for (String cls : new String[] {"a", "b"}) {
      Path d = Files.createDirectories(photos.resolve(cls));
      for (int i = 0; i < 3; i++) {
        BufferedImage img = new BufferedImage(40 + 10 * i, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF3366);
        ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
      }
    }
    DatasetSource chosen = locator.resolve(photos.toString(), LoadOptions.size(12, 10).withGrey(true));
    assertThat(chosen.spec()).isEqualTo(photos + " [12x10, grey]");
    assertThat(chosen.load().data().shape()).isEqualTo(new ImageShape(12, 10, 1));

    DatasetSource again = locator.resolve(chosen.spec());
    assertThat(again.options()).isEqualTo(LoadOptions.size(12, 10).withGrey(true));
    assertThat(again.path()).isEqualTo(chosen.path());
    assertThat(again.load().data().train().fingerprint())
        .isEqualTo(chosen.load().data().train().fingerprint());

    DatasetSource auto = locator.resolve(photos.toString());
    assertThat(auto.spec()).isEqualTo(photos.toString());
    assertThat(auto.load().data().shape()).isEqualTo(new ImageShape(40, 30, 3));
    assertThat(auto.load().report().resized()).hasSize(4);
  }

  @Test
  void loadOptionsAreRefusedInOneSentenceForDataThatHasOneSize() throws Exception {
    DatasetLocator locator = new DatasetLocator(tmp.resolve("no-debian"));
    Path csv = Files.writeString(tmp.resolve("d.csv"), "0,1,2\n1,2,3\n0,1,2\n1,2,3\n");
    assertThatThrownBy(() -> locator.resolve(csv.toString(), LoadOptions.size(8, 8)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("a CSV file")
        .hasMessageContaining("for a folder of image files only");
    assertThat(locator.resolve(csv.toString(), LoadOptions.AUTOMATIC).kind())
        .isEqualTo(DatasetSource.Kind.CSV);
  }

  @Test
  void sizesParseOrSayWhatIsWrong() {
    assertThat(LoadOptions.parseSize("32x24")).isEqualTo(LoadOptions.size(32, 24));
    assertThat(LoadOptions.parseSize(" 64 x 64 ")).isEqualTo(LoadOptions.size(64, 64));
    assertThatThrownBy(() -> LoadOptions.parseSize("32"))
        .hasMessage("'32' is not an image size: write width x height, e.g. 32x32.");
    assertThatThrownBy(() -> LoadOptions.parseSize("0x5")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> LoadOptions.parseSize("1000x1000")).hasMessageContaining("256x256");
    assertThat(LoadOptions.parseSpec("/x/y [grey]").options()).isEqualTo(new LoadOptions(0, 0, true));
    assertThat(LoadOptions.parseSpec("/x/y [notes]").path()).isEqualTo("/x/y [notes]");
  }
}
