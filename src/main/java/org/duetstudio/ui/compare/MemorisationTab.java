package org.duetstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.NearestNeighbours;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.common.SidePanes;

/** The memorisation check: generated images beside their nearest training images. */
final class MemorisationTab extends JudgeTab {
  private final FindingsViewModel vm;
  private final Label text = new Label(NOT_READY);
  private final LabelledImages images = new LabelledImages(44);

  MemorisationTab(FindingsViewModel vm) {
    this.vm = vm;
    Exports.install(images, "memorisation", null);
    text.setWrapText(true);
    build("Memorisation", box(SidePanes.helpRow("judge-memorisation"), text, images));
    vm.findingsProperty().addListener((o, a, f) -> show(f));
  }

  private void show(JudgeFindings f) {
    Judgement j = f == null ? null : f.judgement();
    ImageGenerator g = vm.generatorModel();
    if (j == null || j.memorisation() == null || g == null) {
      images.show(List.of(), null, List.of(), null);
      if (f == null) {
        text.setText(NOT_READY);
      }
      return;
    }
    NearestNeighbours nn = j.memorisation().samples();
    text.setText(
        String.format(
            Locale.ROOT,
            "Each generated image (left of a pair) beside the training image nearest to it (right)."
                + " Generated images lie %.2f from their nearest training image on average; real test"
                + " images, which the generator never saw, lie %.2f. Far smaller would mean the"
                + " generator copies its training images.",
            nn.meanDistance(),
            j.memorisation().realTestMeanDistance()));
    List<float[]> pairs = f.memorisationPairs();
    List<String> caps = new ArrayList<>();
    double[] d = nn.distances();
    for (int i = 0; i < pairs.size() / 2; i++) {
      caps.add("sample");
      caps.add(String.format(Locale.ROOT, "nearest %.2f", d[i]));
    }
    images.show(pairs, g.shape(), caps, null);
  }

  /** For tests. */
  LabelledImages images() {
    return images;
  }
}
