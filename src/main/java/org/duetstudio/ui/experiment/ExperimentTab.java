package org.duetstudio.ui.experiment;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.Setting;
import org.duetstudio.ui.common.Exports;

/**
 * One experiment's tab, laid out from its view model: the description, a field per setting, Run and
 * Stop, the progress, then the conclusion, the table and the chart, and the exports.
 */
final class ExperimentTab extends ScrollPane {
  private final ExperimentViewModel vm;
  private final Button run = new Button("Run");
  private final GridPane table = new GridPane();
  private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
  private final Label conclusion = new Label();

  /** @param data the data a run uses, read when Run is pressed */
  ExperimentTab(ExperimentViewModel vm, Supplier<TrainTestData> data) {
    this.vm = vm;
    Label intro = new Label(vm.experiment().description());
    intro.setWrapText(true);
    FlowPane settings = new FlowPane(8, 6);
    settings.setAlignment(Pos.CENTER_LEFT);
    for (Setting s : vm.settings()) {
      settings.getChildren().addAll(new Label(s.label()), field(s, vm.setting(s.key())));
    }
    run.setOnAction(e -> vm.start(data.get()));
    run.disableProperty().bind(vm.runningProperty());
    Button stop = new Button("Stop");
    stop.setOnAction(e -> vm.cancel());
    stop.disableProperty().bind(vm.runningProperty().not());
    settings.getChildren().addAll(run, stop);

    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(240);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());
    bar.managedProperty().bind(bar.visibleProperty());
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.setWrapText(true);
    HBox progress = new HBox(8, bar, status);
    progress.setAlignment(Pos.CENTER_LEFT);

    table.setHgap(14);
    table.setVgap(3);
    table.getStyleClass().add("experiment-table");
    chart.setAnimated(false);
    chart.getXAxis().setLabel(vm.experiment().xLabel());
    chart.getYAxis().setLabel("test accuracy, %");
    ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
    chart.setMinHeight(260);
    conclusion.setWrapText(true);
    conclusion.getStyleClass().add("experiment-conclusion");
    vm.resultProperty().addListener((o, a, r) -> show(r));
    // points appear in the table and the chart as they are measured
    vm.partialProperty().addListener((o, a, r) -> {
      if (r != null) {
        show(r);
      }
    });
    Button csv = new Button("Export table as CSV…");
    csv.disableProperty().bind(vm.lastRunProperty().isNull());
    csv.setOnAction(e -> Exports.save(csv, vm.fileName(".csv"), vm::writeCsv));
    Button report = new Button("Export report (HTML)…");
    report.disableProperty().bind(vm.lastRunProperty().isNull());
    report.setOnAction(e -> Exports.save(report, vm.fileName(".html"), vm::writeReport));

    VBox box =
        new VBox(8, intro, settings, progress, conclusion, new HBox(16, table, chart), new HBox(8, csv, report));
    HBox.setHgrow(chart, Priority.ALWAYS);
    box.setPadding(new Insets(10));
    setContent(box);
    setFitToWidth(true);
  }

  /** Presses Run. */
  void fireRun() {
    run.fire();
  }

  /** A choice box for a setting with choices, else a text field; either edits {@code value}. */
  private static Node field(Setting s, StringProperty value) {
    if (s.choices().isEmpty()) {
      TextField f = new TextField();
      f.setPrefColumnCount(Math.max(4, Math.min(18, value.get().length() + 1)));
      f.textProperty().bindBidirectional(value);
      return f;
    }
    ComboBox<Setting.Choice> box = new ComboBox<>();
    box.getItems().setAll(s.choices());
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Setting.Choice c) {
            return c == null ? "" : c.name();
          }

          @Override
          public Setting.Choice fromString(String text) {
            return null;
          }
        });
    s.choices().stream().filter(c -> c.id().equals(value.get())).findFirst().ifPresent(box::setValue);
    box.valueProperty().addListener((o, a, c) -> value.set(c == null ? null : c.id()));
    return box;
  }

  private void show(ExperimentResult r) {
    table.getChildren().clear();
    chart.getData().clear();
    if (r == null) {
      conclusion.setText("");
      return;
    }
    conclusion.setText(r.conclusion());
    table.add(bold(r.xLabel()), 0, 0);
    for (int s = 0; s < r.series().size(); s++) {
      table.add(bold(r.series().get(s)), s + 1, 0);
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(r.series().get(s));
      for (ExperimentResult.Row row : r.rows()) {
        double a = row.accuracy()[s];
        if (!Double.isNaN(a)) {
          series.getData().add(new XYChart.Data<>(row.label(), 100 * a));
        }
      }
      chart.getData().add(series);
    }
    List<ExperimentResult.Row> rows = r.rows();
    for (int i = 0; i < rows.size(); i++) {
      table.add(new Label(rows.get(i).label()), 0, i + 1);
      double[] acc = rows.get(i).accuracy();
      for (int s = 0; s < acc.length; s++) {
        table.add(
            new Label(Double.isNaN(acc[s]) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * acc[s])),
            s + 1,
            i + 1);
      }
    }
  }

  private static Label bold(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }
}
