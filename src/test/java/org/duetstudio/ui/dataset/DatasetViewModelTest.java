package org.duetstudio.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.data.LoadOptions;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.ui.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Own images dropped on the window, loaded at a chosen size and colour, through the data bar's model. */
class DatasetViewModelTest {
  @TempDir Path tmp;

  private final DatasetViewModel vm =
      new DatasetViewModel(new DatasetLocator(Path.of("no-debian-here")), BackgroundTasks.sameThread());

  /** Mixed-size colour photos, three classes of four, one large, one not an image. */
  private Path photos() throws IOException {
    Path root = tmp.resolve("my photos");
    Color[] colours = {new Color(200, 60, 40), new Color(40, 160, 60), new Color(50, 70, 210)};
    String[] classes = {"apples", "leaves", "sky"};
    int[][] sizes = {{320, 240}, {320, 240}, {1600, 1200}, {200, 300}};
    for (int c = 0; c < 3; c++) {
      Path d = Files.createDirectories(root.resolve(classes[c]));
      for (int i = 0; i < sizes.length; i++) {
        BufferedImage img = new BufferedImage(sizes[i][0], sizes[i][1], BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(colours[c]);
        g.fillRect(0, 0, sizes[i][0], sizes[i][1]);
        g.setColor(Color.WHITE);
        g.fillOval(sizes[i][0] / 4, sizes[i][1] / 4, sizes[i][0] / 2, sizes[i][1] / 2);
        g.dispose();
        ImageIO.write(img, i % 2 == 0 ? "jpeg" : "png", d.resolve(i + (i % 2 == 0 ? ".jpg" : ".png")).toFile());
      }
    }
    Files.writeString(root.resolve("sky/readme.txt"), "taken on a walk");
    return root;
  }

  @Test
  void aDroppedFolderOfMixedSizeColourPhotosLoadsAtTheChosenSizeAndGreyWhenAsked() throws Exception {
    Path root = photos();
    assertThat(vm.openDropped(List.of(root))).as("data, not an image to ask about").isNull();
    assertThat(vm.errorProperty().get()).isEmpty();
    TrainTestData d = vm.dataProperty().get();
    assertThat(d).isNotNull();
    // the most common size, 320x240, scaled down to fit 64x64
    assertThat(d.shape()).isEqualTo(new ImageShape(64, 48, 3));
    assertThat(d.train().size() + d.test().size()).isEqualTo(12);
    assertThat(d.train().classNames()).containsExactly("apples", "leaves", "sky");
    assertThat(vm.imageFolderProperty().get()).isTrue();
    assertThat(vm.noticeProperty().get())
        .contains("12 images loaded at 64x48 RGB; 12 resized to it")
        .contains("1 file skipped (first: readme.txt: not an image file)");

    // the data bar's choice: 32x32, grey
    vm.reload(LoadOptions.size(32, 32).withGrey(true));
    TrainTestData grey = vm.dataProperty().get();
    assertThat(grey.shape()).isEqualTo(new ImageShape(32, 32, 1));
    assertThat(grey.train().size() + grey.test().size()).isEqualTo(12);
    assertThat(vm.loadOptions()).isEqualTo(LoadOptions.size(32, 32).withGrey(true));
    assertThat(vm.sourceProperty().get().spec()).isEqualTo(root + " [32x32, grey]");
    assertThat(grey.source()).isEqualTo(root + " [32x32, grey]");
    // a grey apple is darker than a grey leaf at the corner (luminance of the colours)
    int apple = indexOf(grey, 0);
    int leaf = indexOf(grey, 1);
    assertThat(grey.train().image(apple)[0]).isLessThan(grey.train().image(leaf)[0]);
  }

  private static int indexOf(TrainTestData d, int label) {
    for (int i = 0; i < d.train().size(); i++) {
      if (d.train().label(i) == label) {
        return i;
      }
    }
    throw new AssertionError("no image of class " + label);
  }

  @Test
  void aDroppedImageIsHandedOnAndOtherDropsAreRefusedInOneSentence() throws Exception {
    Path root = photos();
    Path image = root.resolve("sky/1.png");
    assertThat(vm.openDropped(List.of(image))).isEqualTo(image);
    assertThat(vm.dataProperty().get()).as("an image is asked about, not loaded").isNull();

    vm.openDropped(List.of(root));
    TrainTestData before = vm.dataProperty().get();
    Path notes = root.resolve("sky/readme.txt");
    assertThat(vm.openDropped(List.of(notes))).isNull();
    assertThat(vm.errorProperty().get())
        .startsWith("'readme.txt' is not something the studio opens")
        .doesNotContain("\n");
    assertThat(vm.dataProperty().get()).as("nothing the user had is lost").isSameAs(before);

    assertThat(vm.openDropped(List.of(image, notes))).isNull();
    assertThat(vm.errorProperty().get()).startsWith("2 things were dropped");
    assertThat(vm.dataProperty().get()).isSameAs(before);
  }

  @Test
  void droppedIdxFilesOpenTheirFolderAndACsvOpensItself() throws Exception {
    Path idx = Files.createDirectories(tmp.resolve("idx"));
    Path images = Files.write(idx.resolve("train-images-idx3-ubyte"), new byte[] {0});
    Path labels = Files.write(idx.resolve("train-labels-idx1-ubyte"), new byte[] {0});
    assertThat(DatasetViewModel.Drop.of(List.of(images, labels)))
        .isEqualTo(new DatasetViewModel.Drop(DatasetViewModel.Drop.Kind.DATA, idx, ""));
    assertThat(DatasetViewModel.Drop.of(List.of(images)).path()).isEqualTo(idx.toAbsolutePath());
    Path csv = Files.writeString(tmp.resolve("d.csv"), "0,1\n");
    assertThat(DatasetViewModel.Drop.of(List.of(csv)).kind()).isEqualTo(DatasetViewModel.Drop.Kind.DATA);
    assertThat(DatasetViewModel.Drop.of(List.of()).kind()).isEqualTo(DatasetViewModel.Drop.Kind.REFUSED);
  }
}
