package io.saima.report;

import io.saima.report.Bulletin.AlertItem;
import io.saima.report.Bulletin.ChartSpec;
import io.saima.report.Bulletin.Footnotes;
import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.League;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.Simulations;
import io.saima.report.Bulletin.UnitBoard;
import io.saima.report.Bulletin.WatchItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Builds the {@link Bulletin} from the rows of a {@link GoldSnapshot}: selection, ordering and
 * wording only, one section class for each part of the bulletin. Every number is taken from one
 * gold cell through {@link FigureBook}; nothing is computed in them that a table does not hold. The
 * sections are built in reading order, which is the order the figures are numbered in.
 */
public final class BulletinBuilder {
  private final GoldSnapshot gold;
  private final FigureBook book;
  private final String regionName;
  private final Map<String, String> currencies = new LinkedHashMap<>();

  private final Map<String, String> scenarioLabels;

  private BulletinBuilder(
      GoldSnapshot gold, String regionName, Map<String, String> scenarioLabels) {
    this.gold = gold;
    this.scenarioLabels = scenarioLabels;
    this.book = new FigureBook(gold.versions);
    this.regionName = regionName;
    for (Row row : gold.monthly) {
      currencies.putIfAbsent(row.getAs("indicator"), row.getAs("currency"));
    }
  }

  /**
   * @param scenarioLabels the scenarios' descriptions by name; a scenario not listed is shown by
   *     its name
   */
  public static Bulletin build(
      GoldSnapshot gold, String regionName, Map<String, String> scenarioLabels) {
    return new BulletinBuilder(gold, regionName, scenarioLabels).build();
  }

  private Bulletin build() {
    int period = gold.period;
    HeadlineSection headlineSection = new HeadlineSection(gold, book);
    List<Headline> headlines = headlineSection.headlines();
    List<Phrase> summary = headlineSection.summary(headlines);
    LeagueSection leagueSection = new LeagueSection(gold, book, currencies);
    List<League> leagues = leagueSection.leagues();
    List<ChartSpec> charts = new ChartSection(gold, currencies).charts(leagueSection.schemes());
    Simulations simulations =
        new SimulationSection(gold, book, currencies, scenarioLabels).simulations();
    List<UnitBoard> units = new TownSection(gold, book).unitBoards();
    WatchSection watchSection = new WatchSection(gold, book);
    List<WatchItem> watch = watchSection.watchlist();
    List<AlertItem> alerts = watchSection.alerts();
    Footnotes footnotes = new FootnoteSection(gold).footnotes();
    return new Bulletin(
        gold.region,
        regionName,
        period,
        Labels.period(period),
        Labels.ytd(period),
        summary,
        headlines,
        leagues,
        charts,
        simulations,
        units,
        watch,
        gold.watchlist.size(),
        alerts,
        footnotes,
        book.all());
  }
}
