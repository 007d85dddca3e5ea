package dev.ftscout.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.HeadlessChromium;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless Chromium, from {@code file://}: no console errors, the key
 * elements are there, filtering and sorting work, and a screenshot lands in {@code
 * target/screenshots/} for people to look at.
 */
class HtmlReportBrowserTest {
  @TempDir Path dir;

  @Test
  void rendersFiltersAndSortsWithoutErrors() throws Exception {
    Path html = dir.resolve("report.html");
    Files.writeString(html, new HtmlWriter().write(WritersGoldenTest.report()));
    try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("profile"))) {
      browser.open(html);
      assertThat(browser.eval("document.title").asText()).isEqualTo("ftscout scan: project");
      assertThat(browser.eval("document.getElementById('count-findings').textContent").asText())
          .isEqualTo("5");
      assertThat(browser.eval("document.querySelectorAll('article.finding').length").asInt())
          .isEqualTo(5);
      assertThat(browser.eval("document.getElementById('finding-shown').textContent").asText())
          .isEqualTo("5 shown");
      assertThat(
              browser
                  .eval(
                      "(() => { const f = document.getElementById('finding-filter');"
                          + " f.value = 'with space'; f.dispatchEvent(new Event('input'));"
                          + " return document.querySelectorAll('article.finding:not([hidden])')"
                          + ".length; })()")
                  .asInt())
          .isEqualTo(2);
      assertThat(
              browser
                  .eval(
                      "(() => { const th = document.querySelector('#modules-table th');"
                          + " th.click(); th.click();"
                          + " return document.querySelector('#modules-table tbody td')"
                          + ".textContent; })()")
                  .asText())
          .isEqualTo("demo._speedups");
      assertThat(browser.consoleErrors()).isEmpty();
      Path shot = TestVenvs.basedir().resolve("target/screenshots/html-report-words.png");
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
  }
}
