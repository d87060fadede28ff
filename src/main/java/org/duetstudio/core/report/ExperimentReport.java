package org.duetstudio.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.ExperimentRun;
import org.duetstudio.core.experiment.Setting;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.HtmlReport;

/**
 * An experiment's report and table files, the same from every front end: the HTML page (what the
 * experiment asks, the data, the settings, the conclusion, the chart and the table, then how long it
 * took) and the CSV ({@link org.duetstudio.core.experiment.ExperimentResult#toCsv()}).
 */
public final class ExperimentReport {
  private ExperimentReport() {}

  /** The report page of {@code run}. */
  public static HtmlReport page(ExperimentRun run) {
    HtmlReport page = new HtmlReport(run.result().title()).paragraph(run.experiment().description());
    page.paragraph(data(run.input().data()));
    if (run.input().generatedFrom() != null) {
      page.paragraph("Generated images: " + run.input().generatedFrom() + ".");
    }
    Map<String, String> values = run.settings().values();
    List<List<String>> rows = new ArrayList<>();
    for (Setting s : run.experiment().settings()) {
      if (!(s.ownGenerator() && run.input().generated() != null)) {
        rows.add(List.of(s.label(), shown(s, values.get(s.key()))));
      }
    }
    return page
        .table(List.of("Setting", "Value"), rows)
        .experiment(run.result())
        .paragraph(String.format(Locale.ROOT, "Took %.0f s.", run.result().seconds()));
  }

  /** The data in one sentence: its source and sizes. */
  public static String data(TrainTestData d) {
    return String.format(
        Locale.ROOT,
        "Data: %s, %,d training and %,d test images.",
        d.source(),
        d.train().size(),
        d.test().size());
  }

  /** Writes the report page of {@code run} to {@code file}. */
  public static void writeHtml(ExperimentRun run, Path file) throws IOException {
    page(run).write(file);
  }

  /** Writes the result table of {@code run} as CSV to {@code file}. */
  public static void writeCsv(ExperimentRun run, Path file) throws IOException {
    AtomicFiles.writeString(file, run.result().toCsv());
  }

  private static String shown(Setting s, String value) {
    return s.choices().stream()
        .filter(c -> c.id().equals(value))
        .map(Setting.Choice::name)
        .findFirst()
        .orElse(value);
  }
}
