package dev.ftscout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.rules.runtime.RuntimeSamples;
import dev.ftscout.testing.HeadlessChromium;
import dev.ftscout.testing.TestVenvs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The bench charts are well-formed SVG, and render in a real browser inside the HTML report. */
class BenchChartsTest {
  @TempDir Path dir;
  private final BenchCharts charts = new BenchCharts();

  private static Document xml(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyChartIsWellFormedSvgWithOneLinePerSeries() throws Exception {
    BenchEvidence bench = RuntimeSamples.bench();
    Document speedup = xml(charts.speedup(bench.workloads().get(0)));
    assertThat(speedup.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/2000/svg");
    assertThat(speedup.getElementsByTagName("polyline").getLength()).isEqualTo(3);
    assertThat(speedup.getElementsByTagName("circle").getLength()).isEqualTo(9);
    Document tax = xml(charts.tax(bench.taxes()));
    assertThat(tax.getElementsByTagName("rect").getLength()).isEqualTo(2);
    Document memory = xml(charts.memory(bench.workloads()));
    assertThat(memory.getElementsByTagName("rect").getLength()).isEqualTo(3);
    // Labels with markup characters are escaped, not injected.
    BenchEvidence.Workload odd =
        new BenchEvidence.Workload(
            "a<b>&\"c\"", "", List.of(bench.workloads().get(0).series().get(0)));
    assertThat(xml(charts.speedup(odd)).getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Speed-up: a<b>&\"c\"");
  }

  @Test
  void chartsRenderInHeadlessChromium() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.executable().isPresent(), "Chromium not found; charts not rendered");
    Report report =
        new Report(
                "0.0.0-test",
                "bench",
                "/project",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                0,
                0,
                List.of(),
                dev.ftscout.config.FailOn.WARNING,
                dev.ftscout.model.ConcurrencyFacts.none())
            .withRuntime(dev.ftscout.model.RuntimeEvidence.of(RuntimeSamples.bench()));
    Path html = dir.resolve("bench.html");
    Files.writeString(html, new HtmlWriter().write(report));
    try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("profile"))) {
      browser.open(html);
      assertThat(browser.eval("document.querySelectorAll('svg.chart').length").asInt())
          .isEqualTo(3);
      // Laid out for real: the free-threaded speed-up line rises across the chart.
      assertThat(
              browser
                  .eval(
                      "(() => { const b = document.querySelectorAll('svg.chart polyline')[2].getBBox();"
                          + " return b.width > 100 && b.height > 10; })()")
                  .asBoolean())
          .isTrue();
      assertThat(browser.consoleErrors()).isEmpty();
      Path shot = TestVenvs.basedir().resolve("target/screenshots/html-report-bench.png");
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
  }
}
