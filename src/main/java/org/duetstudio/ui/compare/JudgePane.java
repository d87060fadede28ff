package org.duetstudio.ui.compare;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duetstudio.ui.common.Explanations;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.curves.XAxis;

/**
 * Between the two sides: the trained classifier judging the generator — its title and one tab per view
 * (the list below is the one place they are registered).
 */
public final class JudgePane extends VBox {
  private final TabPane tabs = new TabPane();
  private final VerdictTab verdict;
  private final FidelityTab fidelity;
  private final MemorisationTab memorisation;
  private final LatentMapTab latentMap;
  private final InterpolationTab interpolation;
  private final DrawingPadTab drawingPad;
  private final ProgressIndicator busy = new ProgressIndicator();
  private final Button room = new Button("Larger");

  public JudgePane(JudgeViewModel vm, ObjectProperty<XAxis> axis) {
    FindingsViewModel findings = vm.findings();
    verdict = new VerdictTab(vm.confidence(), findings, axis);
    fidelity = new FidelityTab(findings);
    memorisation = new MemorisationTab(findings);
    latentMap = new LatentMapTab(findings);
    interpolation = new InterpolationTab(findings);
    drawingPad = new DrawingPadTab(vm.drawing(), findings);
    List<JudgeTab> all =
        List.of(
            verdict,
            fidelity,
            new CasTab(vm.cas(), findings),
            new GuidanceTab(findings),
            memorisation,
            latentMap,
            interpolation,
            drawingPad);
    for (JudgeTab t : all) {
      tabs.getTabs().add(t.tab());
    }
    getStyleClass().add("judge-pane");
    VBox.setVgrow(tabs, Priority.ALWAYS);
    setSpacing(4);
    setPadding(new Insets(6, 10, 6, 10));
    getChildren().addAll(header(findings), tabs);
  }

  private HBox header(FindingsViewModel findings) {
    Label title = new Label("The judge");
    title.getStyleClass().add("pane-title");
    Label subtitle = new Label("the trained classifier looks at the generator's samples");
    subtitle.getStyleClass().add("pane-subtitle");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // busy while the judge computes: what, and a spinner
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(findings.busyProperty());
    busy.managedProperty().bind(busy.visibleProperty());
    Label working = new Label();
    working.getStyleClass().add("caption");
    working.textProperty()
        .bind(
            Bindings.when(findings.busyProperty())
                .then(Bindings.concat(findings.workingOnProperty(), "…"))
                .otherwise(""));
    room.getStyleClass().add("room-button");
    HBox header =
        new HBox(8, title, subtitle, busy, working, spacer, room, Explanations.button("judge"));
    header.setAlignment(Pos.BASELINE_LEFT);
    return header;
  }

  /** Ask the classifier about an image file (opened or dropped): shows the drawing pad's tab with the answer. */
  public void ask(Path imageFile) {
    drawingPad.ask(imageFile);
  }

  /**
   * The header's button that gives the judge more room or gives it back (a low window shows little more
   * than its tabs); what it does and says is the window's to set.
   */
  public Button roomButton() {
    return room;
  }

  /** The judge's tabs: verdict, label fidelity, CAS, memorisation, latent map, interpolation, drawing pad. */
  public TabPane tabs() {
    return tabs;
  }

  // for tests: nodes and tabs by reference

  public BarChart<String, Number> histogram() {
    return verdict.histogram();
  }

  /** For tests: the spinner shown while the judge computes. */
  public ProgressIndicator busyIndicator() {
    return busy;
  }

  public Label fidelityText() {
    return fidelity.text();
  }

  public Tab memorisationTab() {
    return memorisation.tab();
  }

  public LabelledImages memorisationImages() {
    return memorisation.images();
  }

  public Canvas mapCanvas() {
    return latentMap.canvas();
  }

  /**
   * The generator's path from class {@code a} to class {@code b}, labelled by the classifier step by step
   * (a confusion-matrix cell's offer: where the classifier's confusion lives in the generator's space).
   */
  public void showPath(int a, int b) {
    interpolation.walk(a, b);
    tabs.getSelectionModel().select(interpolation.tab());
  }

  public LabelledImages interpolationImages() {
    return interpolation.images();
  }

  public Tab drawingPadTab() {
    return drawingPad.tab();
  }

  public DrawingPad drawingPad() {
    return drawingPad.pad();
  }
}
