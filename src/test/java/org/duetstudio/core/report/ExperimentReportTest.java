package org.duetstudio.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.ExperimentInput;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.ExperimentRun;
import org.duetstudio.core.experiment.SyntheticSettings;
import org.duetstudio.core.model.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page and the CSV of a finished experiment (a made-up result: nothing is trained here). */
class ExperimentReportTest {
  private static final TrainTestData DATA = SampleData.small(200, 50);
  private static final ExperimentResult RESULT =
      new ExperimentResult(
          Experiment.SYNTHETIC.title(),
          Experiment.SYNTHETIC.xLabel(),
          List.of("+ generated", "+ flipped/shifted"),
          List.of(
              new ExperimentResult.Row(0, "real only", new double[] {0.7512, 0.7512}),
              new ExperimentResult.Row(1, "synthetic only (CAS)", new double[] {0.25, Double.NaN})),
          "Generated images did not help <here>.",
          12.4);

  @Test
  void thePageHoldsTheDataTheSettingsAndTheResult() {
    SyntheticSettings s =
        new SyntheticSettings(500, List.of(0.0, 1.5), ClassifierKind.NAIVE_BAYES, GeneratorKind.VAE, 3, 9);
    String page =
        ExperimentReport.page(new ExperimentRun(Experiment.SYNTHETIC, ExperimentInput.of(DATA), s, RESULT))
            .render();
    assertThat(page)
        .contains(Experiment.SYNTHETIC.description())
        .contains("200 training and 50 test images")
        .contains("<td>Real images</td><td>500</td>")
        .contains("<td>Generated, × N</td><td>0,1.5</td>")
        .contains(ClassifierKind.NAIVE_BAYES.displayName())
        .contains("<td>Generator epochs</td><td>3</td>")
        .contains("<td>Seed</td><td>9</td>")
        .contains("75.1%")
        .contains("did not help &lt;here&gt;")
        .contains("<svg")
        .contains("Took 12 s.");
  }

  @Test
  void drawnOnAGivenGeneratorThePageSaysSoAndLeavesOutTheGeneratorItWouldHaveTrained() {
    ExperimentInput given = new ExperimentInput(DATA, DATA.train(), "the studio's generator");
    String page =
        ExperimentReport.page(
                new ExperimentRun(Experiment.SYNTHETIC, given, SyntheticSettings.DEFAULTS, RESULT))
            .render();
    assertThat(page).contains("Generated images: the studio's generator.");
    assertThat(page).doesNotContain("Generator epochs").contains("Real images");
  }

  @Test
  void theCsvHoldsTheResultsNumbers(@TempDir Path tmp) throws Exception {
    Path csv = tmp.resolve("t.csv");
    ExperimentReport.writeCsv(
        new ExperimentRun(Experiment.SYNTHETIC, ExperimentInput.of(DATA), SyntheticSettings.DEFAULTS, RESULT), csv);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "x,label,+ generated,+ flipped/shifted", "0,real only,0.7512,0.7512", "1,synthetic only (CAS),0.2500,");
  }
}
