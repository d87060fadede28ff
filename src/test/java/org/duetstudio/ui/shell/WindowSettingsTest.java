package org.duetstudio.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {
  private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 800);

  @TempDir Path tmp;

  @Test
  void aFirstStartOnASmallScreenTakesItsVisualBoundsAndALargeOneThePreferredSizeCentred() {
    Rectangle2D small = WindowSettings.DEFAULTS.placement(List.of(PROJECTOR), PROJECTOR);
    assertThat(small).isEqualTo(PROJECTOR);
    Rectangle2D big = new Rectangle2D(0, 0, 2560, 1440);
    Rectangle2D r = WindowSettings.DEFAULTS.placement(List.of(big), big);
    assertThat(r.getWidth()).isEqualTo(WindowSettings.PREFERRED_WIDTH);
    assertThat(r.getHeight()).isEqualTo(WindowSettings.PREFERRED_HEIGHT);
    assertThat(r.getMinX()).isEqualTo((2560 - 1560) / 2.0);
  }

  @Test
  void aWindowRememberedLargerThanTheScreenIsCutToItAndOneOffEveryScreenComesBack() {
    // the case: 1560×960 at −140,−53 on a 1280×800 projector
    WindowSettings off = WindowSettings.DEFAULTS.withBounds(-140, -53, 1560, 960, false);
    Rectangle2D r = off.placement(List.of(PROJECTOR), PROJECTOR);
    assertThat(PROJECTOR.contains(r)).as("%s inside %s", r, PROJECTOR).isTrue();
    // remembered on a second screen that is gone
    WindowSettings gone = WindowSettings.DEFAULTS.withBounds(3000, 100, 1000, 700, false);
    assertThat(gone.placement(List.of(PROJECTOR), PROJECTOR)).isEqualTo(PROJECTOR);
    // still there: kept as it was
    WindowSettings fine = WindowSettings.DEFAULTS.withBounds(40, 30, 1000, 700, false);
    assertThat(fine.placement(List.of(PROJECTOR), PROJECTOR)).isEqualTo(new Rectangle2D(40, 30, 1000, 700));
  }

  @Test
  void settingsSurviveTheFileAndAnythingDamagedIsTheDefaults() throws IOException {
    Path f = tmp.resolve("window.json");
    WindowSettings s =
        WindowSettings.DEFAULTS.withBounds(10, 20, 1200, 700, false).withDividers(0.4, 0.7)
            .withTheme(Theme.DARK).withFontSize(16);
    s.write(f);
    assertThat(WindowSettings.read(f)).isEqualTo(s);
    assertThat(WindowSettings.read(f).chosenTheme()).isEqualTo(Theme.DARK);

    Files.writeString(f, "{ not json");
    assertThat(WindowSettings.read(f)).isEqualTo(WindowSettings.DEFAULTS);
    Files.writeString(f, "{\"fontSize\": 500, \"sidesDivider\": -3, \"width\": -1, \"theme\": \"neon\"}");
    assertThat(WindowSettings.read(f)).isEqualTo(WindowSettings.DEFAULTS);
    assertThat(WindowSettings.read(tmp.resolve("missing.json"))).isEqualTo(WindowSettings.DEFAULTS);
  }
}
