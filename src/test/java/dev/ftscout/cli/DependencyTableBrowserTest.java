package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.report.HtmlWriter;
import dev.ftscout.testing.HeadlessChromium;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's dependency table in a real headless Chromium, from {@code file://}: sorting by
 * a column, filtering by text and by standing, no console errors, and a screenshot in {@code
 * target/screenshots/}.
 */
class DependencyTableBrowserTest {
  @TempDir Path dir;

  private static String rows(String select) {
    return "Array.from(document.querySelectorAll('#deps-table tbody tr"
        + select
        + "'))"
        + ".map(r => r.dataset.name).join(',')";
  }

  @Test
  void sortsAndFiltersWithoutErrors() throws Exception {
    Path html = dir.resolve("deps.html");
    Files.writeString(html, new HtmlWriter().write(DepsReportsGoldenTest.demoReport(dir)));
    try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("profile"))) {
      browser.open(html);
      assertThat(browser.eval("document.getElementById('dep-shown').textContent").asText())
          .isEqualTo("13 shown");
      assertThat(browser.eval(rows("")).asText())
          .startsWith("fastjson,pandas,pyyaml,requests,certifi");
      browser.eval("document.querySelector('#deps-table th').click()");
      assertThat(browser.eval(rows("")).asText())
          .isEqualTo(
              "certifi,charset-normalizer,fastjson,idna,numpy,pandas,python-dateutil,pytz,"
                  + "pyyaml,requests,six,tzdata,urllib3");
      browser.eval("document.querySelector('#deps-table th').click()");
      assertThat(browser.eval(rows("")).asText()).startsWith("urllib3,tzdata,six");
      browser.eval(
          "(() => { const s = document.getElementById('dep-status'); s.value = 'blocker';"
              + " s.dispatchEvent(new Event('change')); })()");
      assertThat(browser.eval(rows(":not([hidden])")).asText())
          .isEqualTo("pyyaml,pandas,numpy,fastjson");
      assertThat(browser.eval("document.getElementById('dep-shown').textContent").asText())
          .isEqualTo("4 shown");
      browser.eval(
          "(() => { const f = document.getElementById('dep-filter'); f.value = 'cp314t';"
              + " f.dispatchEvent(new Event('input')); })()");
      assertThat(browser.eval(rows(":not([hidden])")).asText()).isEqualTo("fastjson");
      browser.eval(
          "(() => { const s = document.getElementById('dep-status'); s.value = 'all';"
              + " s.dispatchEvent(new Event('change'));"
              + " const f = document.getElementById('dep-filter'); f.value = 'pure py';"
              + " f.dispatchEvent(new Event('input')); })()");
      assertThat(browser.eval(rows(":not([hidden])")).asText())
          .isEqualTo("urllib3,tzdata,six,requests,pytz,python-dateutil,idna,certifi");
      assertThat(browser.consoleErrors()).isEmpty();
      browser.eval(
          "(() => { const f = document.getElementById('dep-filter'); f.value = '';"
              + " f.dispatchEvent(new Event('input')); })()");
      Path shot = TestVenvs.basedir().resolve("target/screenshots/html-report-deps.png");
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
  }
}
