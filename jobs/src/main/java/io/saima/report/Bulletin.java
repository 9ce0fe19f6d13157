package io.saima.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The leadership bulletin (简报) of one county for one month, built once from gold rows by {@link
 * BulletinBuilder} and printed by every renderer: each number in it is a {@link Figure} that knows
 * its table, Delta version, row and column.
 */
public record Bulletin(
    String regionCode,
    String regionName,
    int period,
    String periodLabel,
    String ytdLabel,
    List<Phrase> summary,
    List<Headline> headlines,
    List<League> leagues,
    List<ChartSpec> charts,
    Simulations simulations,
    List<UnitBoard> unitBoards,
    List<WatchItem> watchlist,
    int watchTotal,
    List<AlertItem> alerts,
    Footnotes footnotes,
    List<Figure> figures) {

  /** Text and figures in reading order, e.g. "出口总额" 284.35 "亿元，增长" +32.2 "%". */
  public record Phrase(List<Object> parts) {
    public static Phrase of(Object... parts) {
      return new Phrase(List.of(parts));
    }

    /** One piece of a phrase: a text, or a figure (then {@code text} is null). */
    public record Piece(String text, Figure figure) {}

    /** The parts as pieces, for templates. */
    public List<Piece> pieces() {
      return parts.stream()
          .map(p -> p instanceof Figure f ? new Piece(null, f) : new Piece(String.valueOf(p), null))
          .toList();
    }

    /** The phrase as plain text, figures in their rounding. */
    public String plain() {
      StringBuilder out = new StringBuilder();
      for (Object part : parts) {
        out.append(part instanceof Figure f ? f.text() : String.valueOf(part));
      }
      return out.toString();
    }
  }

  /** One key indicator: the month, the year to date, the share, the rank, the targets. */
  public record Headline(
      String indicator,
      String label,
      String unitLabel,
      Figure valueMonth,
      Figure yoyMonth,
      Figure valueYtd,
      Figure yoyYtd,
      Figure share,
      Figure shareChange,
      Figure rank,
      Figure rankChange,
      Integer nRanked,
      List<TargetLight> targets) {}

  /** A target of the county (半年红 / 全年红): completion against time progress (序时进度) and its light. */
  public record TargetLight(
      String indicatorLabel,
      String name,
      Phrase goal,
      String status,
      String statusLabel,
      String light,
      Figure completion,
      Figure timeProgress,
      Figure ahead,
      Figure gap,
      String asOfLabel,
      Phrase verdict) {}

  /** A league table: the top ten, the home county and its neighbours, and the gaps upwards. */
  public record League(
      String id,
      String title,
      String valueLabel,
      int nRanked,
      List<LeagueRow> rows,
      List<Phrase> gaps) {}

  /** A row of a league table; {@code skipped} marks a break in the ranks before it. */
  public record LeagueRow(
      Figure rank,
      String code,
      String name,
      Figure value,
      Figure rankChange,
      boolean home,
      boolean skipped) {}

  /** What a chart shows; {@link Charts} draws it as SVG and PNG. */
  public record ChartSpec(
      String id,
      String title,
      Kind kind,
      List<String> categories,
      List<Series> bars,
      List<Series> lines,
      String barAxis,
      String lineAxis,
      String caption) {
    public enum Kind {
      /** Bars on the left axis, lines on the right. */
      BARS_AND_LINES,
      /** Lines on one axis. */
      LINES,
      /** Ranks: lines on an inverted axis, 1 at the top. */
      RANKS,
      /** Bars only, side by side. */
      BARS
    }
  }

  /** One series of a chart; null where a month has no figure. */
  public record Series(String name, List<BigDecimal> values) {}

  /** The Monte Carlo and the what-if scenarios. */
  public record Simulations(
      String asOfLabel,
      List<ProbabilityRow> probabilities,
      List<RankSimulationRow> ranks,
      List<ScenarioRow> scenarios,
      String scenarioPeriodLabel) {}

  public record ProbabilityRow(
      String indicatorLabel,
      String targetName,
      Phrase goal,
      Figure probability,
      Figure p10,
      Figure p50,
      Figure p90,
      String unitLabel) {}

  public record RankSimulationRow(
      String schemeLabel,
      int nRanked,
      Figure currentRank,
      Figure mostLikely,
      Figure p10,
      Figure p90,
      Figure expected) {}

  public record ScenarioRow(
      String scenario,
      String schemeLabel,
      Figure scoreBaseline,
      Figure scoreScenario,
      Figure scoreChange,
      Figure rankBaseline,
      Figure rankScenario,
      Figure rankChange) {}

  /** The towns and streets of the county ranked on one target. */
  public record UnitBoard(String title, String asOfLabel, List<UnitRow> rows) {}

  public record UnitRow(
      Figure rank,
      String name,
      String typeLabel,
      Figure completion,
      Figure ahead,
      String badge,
      String badgeLabel) {}

  public record WatchItem(
      String enterpriseName,
      String enterpriseId,
      String reasonLabel,
      Figure valueMonth,
      Figure valuePrevMonth,
      Figure valueMonthLy,
      Figure yoyMonth) {}

  public record AlertItem(
      String ruleLabel, String regionName, String indicatorLabel, Figure value) {}

  public record Footnotes(
      List<String> definitions, List<DeliveryNote> deliveries, List<TableNote> tables) {}

  public record DeliveryNote(
      String sourceLabel, String latestPeriod, String delivery, int months) {}

  public record TableNote(String table, long version, String query) {
    public boolean present() {
      return version >= 0;
    }
  }
}
