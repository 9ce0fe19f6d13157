package io.saima.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.report.Bulletin.ChartSpec;
import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.Series;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four files are written together or not at all: a bulletin that fails to render leaves the
 * previous one as it was and no half-written folder behind. Built from a hand-made model, no Spark.
 */
class BulletinFilesTest {

  private static Figure figure(int n, Unit unit, Number value) {
    return new Figure(
        "f" + n,
        unit.round(value),
        unit.text(value),
        unit,
        new Figure.Source("gold.indicator_monthly", 3, Map.of("period", 202006), "value_ytd"));
  }

  /** A small bulletin; {@code label} null makes the page's template fail on it. */
  static Bulletin bulletin(String label) {
    Headline export =
        new Headline(
            "export",
            label,
            "亿元",
            figure(1, Unit.YI_YUAN, new BigDecimal("2000000000")),
            figure(2, Unit.GROWTH, 12.34),
            figure(3, Unit.YI_YUAN, new BigDecimal("12013131025.27")),
            figure(4, Unit.GROWTH, 19.79),
            figure(5, Unit.PERCENT, 1.12),
            figure(6, Unit.POINTS, 0.19),
            figure(7, Unit.RANK, 27),
            figure(8, Unit.RANK_MOVE, 2),
            90,
            List.of());
    ChartSpec chart =
        new ChartSpec(
            "chart-monthly",
            "出口总额",
            ChartSpec.Kind.BARS,
            List.of("1月", "2月"),
            List.of(new Series("当月出口", List.of(new BigDecimal("18.9"), new BigDecimal("8.5")))),
            List.of(),
            "亿元",
            "",
            "柱：当月出口总额。");
    return new Bulletin(
        "330521",
        "德清县",
        202006,
        "2020年6月",
        "1–6月",
        List.of(Phrase.of("1–6月出口总额 ", export.valueYtd(), "亿元。")),
        List.of(export),
        List.of(),
        List.of(chart),
        new Bulletin.Simulations("2020年6月", List.of(), List.of(), List.of(), ""),
        List.of(),
        List.of(),
        0,
        List.of(),
        new Bulletin.Footnotes(List.of("序时进度：已过月份 ÷ 12。"), List.of(), List.of()),
        List.of(export.valueMonth(), export.yoyMonth(), export.valueYtd()));
  }

  @Test
  void theFourFilesLandTogetherInThePeriodAndRegionFolder(@TempDir Path out) throws IOException {
    Path folder = BulletinFiles.write(bulletin("出口总额"), out);
    assertEquals(out.resolve("202006").resolve("330521"), folder);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          List.of("bulletin.html", "bulletin.md", "bulletin.xlsx", "简报.docx"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(List.of("330521"), names(out.resolve("202006")), "no staging folder left");
    String html = Files.readString(folder.resolve("bulletin.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains(">120.13</span>"), "the rounded figure on the page");
  }

  @Test
  void aBulletinThatFailsToRenderLeavesThePreviousOneWhole(@TempDir Path out) throws IOException {
    Path folder = BulletinFiles.write(bulletin("出口总额"), out);
    byte[] before = Files.readAllBytes(folder.resolve("bulletin.xlsx"));
    assertThrows(IOException.class, () -> BulletinFiles.write(bulletin(null), out));
    assertArrayEquals(before, Files.readAllBytes(folder.resolve("bulletin.xlsx")));
    assertEquals(4, names(folder).size());
    assertEquals(List.of("330521"), names(out.resolve("202006")), "no staging folder left");
  }

  @Test
  void aFirstBulletinThatFailsLeavesNoFolder(@TempDir Path out) {
    assertThrows(IOException.class, () -> BulletinFiles.write(bulletin(null), out));
    assertEquals(List.of(), names(out.resolve("202006")));
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
