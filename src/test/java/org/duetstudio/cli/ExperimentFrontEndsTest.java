package org.duetstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.ExperimentRun;
import org.duetstudio.core.experiment.GenVsDiscSettings;
import org.duetstudio.core.model.SampleData;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.UiThread;
import org.duetstudio.ui.experiment.ExperimentViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and the command line write the same files for the same run: one small experiment, run once
 * through the window's view model, then written by the view model's exports and by the command line.
 */
class ExperimentFrontEndsTest {
  @TempDir Path tmp;

  /** The page without its one time ("Took N s."). */
  private static String timeless(Path html) throws Exception {
    String page = Files.readString(html);
    assertThat(page).containsPattern("Took \\d+ s\\.");
    return page.replaceAll("Took \\d+ s\\.", "Took – s.");
  }

  @Test
  void theWindowAndTheCommandLineWriteTheSameReportAndTable() throws Exception {
    TrainTestData data = SampleData.small(1000, 300);
    ExperimentViewModel vm =
        new ExperimentViewModel(
            Experiment.GEN_VS_DISC,
            BackgroundTasks.sameThread(),
            BackgroundTasks.sameThread(),
            UiThread.sameThread(),
            () -> null);
    vm.setting("sizes").set("20,100");
    vm.setting("seed").set("7");
    vm.start(data);
    ExperimentRun run = vm.lastRunProperty().get();
    assertThat(run).as(vm.statusProperty().get()).isNotNull();
    assertThat(run.settings()).isEqualTo(new GenVsDiscSettings(List.of(20, 100), 7));
    assertThat(vm.statusProperty().get()).startsWith("Done");

    Path windowHtml = tmp.resolve("chosen by the user.html");
    Path windowCsv = tmp.resolve("chosen by the user.csv");
    vm.writeReport(windowHtml);
    vm.writeCsv(windowCsv);
    Path dir = tmp.resolve("cli");
    ExperimentCommand.write(run, dir);

    assertThat(timeless(windowHtml)).isEqualTo(timeless(dir.resolve("gen-vs-disc.html")));
    assertThat(Files.readString(windowCsv)).isEqualTo(Files.readString(dir.resolve("gen-vs-disc.csv")));
    assertThat(Files.readString(windowHtml))
        .contains("Training-set sizes")
        .contains("20,100")
        .contains("1,000 training and 300 test images")
        .contains(run.result().conclusion().replace("&", "&amp;"));

    // the CSV holds the result's numbers, row by row
    ExperimentResult r = run.result();
    List<String> lines = Files.readAllLines(windowCsv);
    assertThat(lines).hasSize(r.rows().size() + 1);
    assertThat(lines.get(0)).isEqualTo("x,label,naive Bayes,logistic regression");
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < r.rows().size(); i++) {
      String[] cells = lines.get(i + 1).split(",");
      ExperimentResult.Row row = r.rows().get(i);
      xs.add(Double.parseDouble(cells[0]));
      assertThat(cells[1]).isEqualTo(row.label());
      for (int s = 0; s < row.accuracy().length; s++) {
        assertThat(Double.parseDouble(cells[s + 2])).isCloseTo(row.accuracy()[s], Offset.offset(5e-5));
      }
    }
    assertThat(xs).containsExactly(20.0, 100.0);
  }
}
