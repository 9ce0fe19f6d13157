package io.saima.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which slices a rewritten source month affects, and which months their computation reads. */
class BuildScopeTest {

  @Test
  void aCustomsMonthIsCheckedAgainItselfTheNextMonthAndTheSameMonthNextYear() {
    List<SourcePeriod> changed =
        List.of(
            new SourcePeriod("customs_exports", 201912), new SourcePeriod("retail_sales", 201905));
    assertEquals(Set.of(201912, 202001, 202012), BuildScope.watchPeriods(changed));
  }

  /** January's month before is December of the year before. */
  @Test
  void aWatchlistMonthReadsItselfTheMonthBeforeAndTheSameMonthLastYear() {
    assertEquals(
        Set.of(202001, 201912, 201901, 202006, 202005, 201906),
        BuildScope.watchInputPeriods(List.of(202001, 202006)));
  }

  @Test
  void aMonthAffectsTheRestOfItsYearAndTheSameMonthsOfTheNext() {
    assertEquals(
        Set.of(202011, 202012, 202111, 202112),
        BuildScope.metricPeriods(List.of(new SourcePeriod("customs_exports", 202011))));
    assertEquals(Set.of(2019, 2020, 2021), BuildScope.inputYears(List.of(202012, 202112)));
  }
}
