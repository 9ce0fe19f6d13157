package io.saima.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SampleNight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samples' bulletin in a real browser (Debian's headless Chromium, which CI installs): no
 * script error, no request blocked (the page's Content-Security-Policy forbids loading anything,
 * and the page marks any attempt), every section filled, Chinese text in the charts; and a
 * screenshot under target/ to look at. A machine without Chromium fails this test rather than
 * skipping it.
 */
class BulletinBrowserTest {
  private static final Path SCREENSHOT = Path.of("target", "bulletin-screenshot.png");

  private static Path html;
  private static String dom;

  @BeforeAll
  static void renderTheBulletinInChromium() throws Exception {
    Path reports = SampleNight.reportsDir(SampleNight.dir());
    try (Stream<Path> files = Files.walk(reports)) {
      html =
          files
              .filter(p -> p.getFileName().toString().equals("bulletin.html"))
              .findFirst()
              .orElseThrow();
    }
    dom = chromium("--dump-dom", html.toUri().toString());
    Files.deleteIfExists(SCREENSHOT);
    chromium(
        "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        "--window-size=1000,9000",
        "--hide-scrollbars",
        html.toUri().toString());
  }

  @Test
  void thePageLoadsWithoutAScriptErrorOrABlockedRequest() {
    String root = rootTag();
    assertTrue(root.contains("data-loaded=\"true\""), "the load handler did not run: " + root);
    assertFalse(root.contains("data-script-error"), "a script failed: " + root);
    assertFalse(root.contains("data-blocked-request"), "a request was made: " + root);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws IOException {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile(
                "(?i)(src|href)\\s*=\\s*\"(?!#|data:)[^\"]*\"|url\\((?!['\"]?(data:|#))|@import")
            .matcher(page);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    assertEquals(List.of(), found, "references to other files or the network");
    Matcher urls = Pattern.compile("https?://[^\"'\\s<)]+").matcher(page);
    while (urls.find()) {
      // XML namespaces of the inline SVG are names, not requests
      assertTrue(
          urls.group().startsWith("http://www.w3.org/"), "a URL in the page: " + urls.group());
    }
  }

  @Test
  void everySectionIsFilled() {
    for (String section :
        List.of("summary", "headline", "league", "simulations", "units", "enterprises")) {
      String body = section(section);
      assertTrue(body.contains("data-fig="), "section " + section + " has no figure");
    }
    String charts = section("charts");
    assertEquals(4, count(charts, "<svg"), "four charts");
    assertTrue(
        Pattern.compile("<text[^>]*>[^<]*[\\u4e00-\\u9fff]").matcher(charts).find(),
        "the charts carry Chinese text");
    assertTrue(dom.contains("class=\"light "), "target lights");
    assertTrue(dom.contains("tr class=\"home"), "the home county highlighted");
    assertTrue(dom.contains("金牌") && dom.contains("蜗牛"), "金牌 and 蜗牛 marked");
  }

  @Test
  void aScreenshotIsSaved() throws IOException {
    assertTrue(Files.size(SCREENSHOT) > 100_000, "the screenshot is missing or blank");
  }

  private static String section(String id) {
    int start = dom.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, "no section " + id);
    int end = dom.indexOf("</section>", start);
    return dom.substring(start, end);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** The page's html tag after scripts ran: where the markers are set. */
  private static String rootTag() {
    Matcher m = Pattern.compile("<html[^>]*>").matcher(dom);
    assertTrue(m.find(), "no html element in the DOM");
    return m.group();
  }

  /** Runs headless Chromium once and returns what it printed on stdout. */
  private static String chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory("saima-chromium");
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("saima-chromium", ".out");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "chromium is not installed (.ci/run installs Debian's chromium): " + e.getMessage(), e);
    }
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 2 minutes");
    assertEquals(0, process.exitValue(), "chromium exit code");
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
