package org.duetstudio.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duetstudio.core.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports open in a real headless browser (Debian's chromium), and their figures load. */
class HtmlReportTest {
  @TempDir Path tmp;

  private static ExperimentResult result() {
    return new ExperimentResult(
        "A <test> & its table",
        "training images",
        List.of("naive Bayes", "logistic regression"),
        List.of(
            new ExperimentResult.Row(20, "20", new double[] {0.48, 0.57}),
            new ExperimentResult.Row(200, "200", new double[] {0.68, Double.NaN})),
        "Logistic regression wins.",
        1.5);
  }

  private static HtmlReport report() throws IOException {
    BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(14, 14, 0, 255);
    return new HtmlReport("Report <1>")
        .paragraph("Settings & figures")
        .figure(img, "one white pixel")
        .figure(img, "the same again")
        .experiment(result());
  }

  @Test
  void theHtmlIsSelfContainedAndEscaped() throws IOException {
    String html = report().render();
    assertThat(html).doesNotContain("http://").doesNotContain("https://"); // no network needed
    assertThat(html).contains("Report &lt;1&gt;").contains("Settings &amp; figures");
    assertThat(html).contains("data:image/png;base64,").contains("<svg").contains("<polyline");
    assertThat(html).contains("<td>–</td>"); // a missing value
    assertThat(html).contains("data-figures=\"0/2\"");
  }

  @Test
  void chromiumRendersItAndEveryFigureLoads() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(
        Files.isExecutable(chromium),
        "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it");
    Path file = tmp.resolve("report.html");
    report().write(file);
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--virtual-time-budget=5000",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--dump-dom",
                file.toUri().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String rendered = new String(dom, StandardCharsets.UTF_8);
    // the page's own script counted the figures that decoded (complete, with a width)
    assertThat(rendered).contains("data-figures=\"2/2\"");
    assertThat(rendered).contains("<svg").contains("Logistic regression wins.");
  }
}
