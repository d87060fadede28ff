package org.duetstudio.ui.shell;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.store.RecentItems;

/**
 * What the studio shows first, over the two panes: a preset to start with (each saying what it trains
 * and how long it takes), the sessions and data sets opened lately, or an empty studio to set up by hand.
 * It steps aside once training starts or a session opens.
 */
public final class StartPane extends VBox {
  private final StudioViewModel vm;
  private final Consumer<Preset> startPreset;
  private final ShellModels shell;
  private final Hyperlink restore = new Hyperlink("Restore the runs the studio was training when it stopped");
  private final VBox sessions = new VBox(4);
  private final VBox datasets = new VBox(4);

  private List<DatasetSource> available = List.of();

  StartPane(ShellModels shell, Consumer<Preset> startPreset) {
    this.shell = shell;
    this.vm = shell.studio();
    this.startPreset = startPreset;
    getStyleClass().add("start-pane"); // its width, in em, is the style sheet's: it grows with the fonts
    setMaxHeight(Region.USE_PREF_SIZE);
    setPadding(new Insets(18, 22, 18, 22));
    setSpacing(12);
    Label title = new Label("Duet Studio");
    title.getStyleClass().add("start-title");
    Label line =
        new Label(
            "A classifier that predicts and a generator that creates, trained side by side on the same"
                + " images. Start with a preset, go back to a saved session, or set up both sides"
                + " yourself.");
    line.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    line.setMinHeight(Region.USE_PREF_SIZE);

    // the presets side by side, each with what it trains and how long; below them the other ways in
    Label startWith = new Label("Start with");
    startWith.getStyleClass().add("start-heading");
    HBox presets = new HBox(20);
    for (Preset p : Preset.all()) {
      Button b = new Button(p.name());
      b.getStyleClass().add("accent");
      b.setOnAction(e -> startPreset.accept(p));
      b.disableProperty().bind(vm.canTrainProperty().not());
      Label about = new Label();
      // its images and time for the data loaded now (the sample's until they are there)
      about.textProperty().bind(Bindings.createStringBinding(() -> vm.announcement(p), vm.dataset().dataProperty()));
      about.setWrapText(true);
      about.getStyleClass().add("caption");
      VBox preset = new VBox(6, b, about);
      preset.getStyleClass().add("start-column");
      HBox.setHgrow(preset, Priority.ALWAYS);
      presets.getChildren().add(preset);
    }
    Button empty = new Button("Set up both sides myself");
    empty.setOnAction(e -> close());
    VBox yourself = column("Or");
    yourself.getChildren().add(empty);

    VBox recentSessions = column("Recent sessions");
    recentSessions.getChildren().add(sessions);
    VBox data = column("Data sets");
    data.getChildren().add(datasets);
    HBox others = new HBox(20, yourself, recentSessions, data);
    for (VBox c : List.of(yourself, recentSessions, data)) {
      c.getStyleClass().add("start-column");
      HBox.setHgrow(c, Priority.ALWAYS);
    }
    VBox columns = new VBox(12, startWith, presets, others);
    // on a low screen at large fonts (presenter view at 1280×720) the card scrolls rather than cut text
    ScrollPane scroll =
        new ScrollPane(columns) {
          @Override
          protected double computePrefHeight(double width) {
            // as tall as the columns at the width they get (the skin asks them at their own width)
            double w = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            return columns.prefHeight(w > 0 ? w : -1) + snappedTopInset() + snappedBottomInset();
          }
        };
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("start-scroll");
    scroll.setMinHeight(0);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // after a crash: what the autosave kept, up to each side's last finished epoch
    restore.getStyleClass().add("restore-link");
    restore.setWrapText(true);
    restore.setMinHeight(Region.USE_PREF_SIZE);
    restore.visibleProperty().bind(shell.autosave().offeredProperty());
    restore.managedProperty().bind(restore.visibleProperty());
    restore.setOnAction(e -> {
      shell.autosave().restore();
      close();
    });
    getChildren().addAll(title, line, restore, scroll);
    refresh();
    shell.recent().items().addListener((ListChangeListener<RecentItems.Item>) c -> fill());
    vm.anyActiveProperty().addListener((o, a, active) -> {
      if (active) {
        close();
      }
    });
    shell.sessions().openedProperty().addListener((o, a, s) -> {
      if (s != null) {
        close();
      }
    });
  }

  private static VBox column(String heading) {
    Label h = new Label(heading);
    h.getStyleClass().add("start-heading");
    VBox v = new VBox(6, h);
    v.setAlignment(Pos.TOP_LEFT);
    return v;
  }

  /** Shows the recent items and the data sets this machine has (found in the background). */
  public void refresh() {
    shell.tasks().run(
        vm.dataset().locator()::available,
        found -> {
          available = found;
          fill();
        },
        t -> {});
    fill();
  }

  private void fill() {
    List<RecentItems.Item> items = List.copyOf(shell.recent().items());
    sessions.getChildren().clear();
    List<RecentItems.Item> recent = RecentItems.of(items, "session");
    for (RecentItems.Item i : recent) {
      Path p = Path.of(i.location());
      Hyperlink link = new Hyperlink(p.getFileName().toString());
      link.setTooltip(new Tooltip(i.location()));
      link.setOnAction(e -> shell.sessions().open(p));
      sessions.getChildren().add(link);
    }
    if (recent.isEmpty()) {
      Label none = new Label("None yet: File › Save session… keeps a finished run to open here later.");
      none.setWrapText(true);
      none.getStyleClass().add("caption");
      sessions.getChildren().add(none);
    }
    datasets.getChildren().clear();
    Set<String> shown = new HashSet<>();
    for (DatasetSource s : available) {
      datasets.getChildren().add(dataLink(s.name(), s.spec()));
      shown.add(s.spec());
    }
    for (RecentItems.Item i : RecentItems.of(items, "data")) {
      if (shown.add(i.location())) {
        datasets.getChildren().add(dataLink(i.location(), i.location()));
      }
    }
  }

  private Hyperlink dataLink(String label, String spec) {
    Hyperlink link = new Hyperlink(label);
    link.setWrapText(true);
    link.setTooltip(new Tooltip(spec));
    link.setOnAction(e -> vm.dataset().open(spec));
    return link;
  }

  public void close() {
    setVisible(false);
    setManaged(false);
  }

  public void show() {
    refresh();
    setVisible(true);
    setManaged(true);
  }
}
