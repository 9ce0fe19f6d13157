package io.saima.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the bulletin rounds and shows figures: a table of cases on plain values, no Spark. */
class UnitRoundingTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // unit, value as the table holds it, text shown, number stored in the workbook
        Arguments.of(Unit.YI_YUAN, new BigDecimal("28435297062.96"), "284.35", "284.35"),
        Arguments.of(Unit.YI_YUAN, new BigDecimal("1425000000.00"), "14.25", "14.25"),
        Arguments.of(Unit.YI_YUAN, new BigDecimal("1424500000.00"), "14.25", "14.25"),
        Arguments.of(Unit.YI_YUAN, new BigDecimal("1424499999.99"), "14.24", "14.24"),
        Arguments.of(Unit.YI_YUAN, new BigDecimal("0.00"), "0.00", "0.00"),
        Arguments.of(Unit.YI_YUAN, new BigDecimal("-52000000.00"), "-0.52", "-0.52"),
        Arguments.of(Unit.WAN_USD, new BigDecimal("247066910.20"), "24707", "24707"),
        Arguments.of(Unit.WAN_USD, new BigDecimal("125000000.00"), "12500", "12500"),
        Arguments.of(Unit.WAN_USD, new BigDecimal("5000.00"), "1", "1"),
        Arguments.of(Unit.WAN_USD, new BigDecimal("4999.99"), "0", "0"),
        Arguments.of(Unit.PERCENT, 1.1234, "1.1", "1.1"),
        Arguments.of(Unit.PERCENT, 101.5, "101.5", "101.5"),
        // the shortest decimal of the double, not its binary value: 0.05 rounds up
        Arguments.of(Unit.PERCENT, 0.05, "0.1", "0.1"),
        Arguments.of(Unit.PERCENT, 2.25, "2.3", "2.3"),
        Arguments.of(Unit.GROWTH, 32.19, "+32.2", "32.2"),
        Arguments.of(Unit.GROWTH, -3.15, "-3.2", "-3.2"),
        Arguments.of(Unit.GROWTH, -0.04, "0.0", "0.0"),
        Arguments.of(Unit.GROWTH, 0.0, "0.0", "0.0"),
        Arguments.of(Unit.POINTS, 0.1912, "+0.2", "0.2"),
        Arguments.of(Unit.POINTS, -0.3299, "-0.3", "-0.3"),
        Arguments.of(Unit.POINTS, 0.0274, "0.0", "0.0"),
        Arguments.of(Unit.PROBABILITY, 0.6234, "62.3", "62.3"),
        Arguments.of(Unit.PROBABILITY, 1.0, "100.0", "100.0"),
        Arguments.of(Unit.PROBABILITY, 0.0, "0.0", "0.0"),
        Arguments.of(Unit.PROBABILITY, 0.00049, "0.0", "0.0"),
        Arguments.of(Unit.PROBABILITY, 0.0005, "0.1", "0.1"),
        Arguments.of(Unit.SCORE, 76.3849, "76.38", "76.38"),
        Arguments.of(Unit.SCORE, 76.385, "76.39", "76.39"),
        Arguments.of(Unit.SCORE_CHANGE, 0.8, "+0.80", "0.80"),
        Arguments.of(Unit.SCORE_CHANGE, -0.004, "0.00", "0.00"),
        Arguments.of(Unit.RANK, 27, "27", "27"),
        Arguments.of(Unit.RANK_MOVE, 2, "↑2", "2"),
        Arguments.of(Unit.RANK_MOVE, -3, "↓3", "-3"),
        Arguments.of(Unit.RANK_MOVE, 0, "持平", "0"));
  }

  @ParameterizedTest(name = "{0} {1} is shown as {2}")
  @MethodSource("cases")
  void roundsHalfUpInTheUnitOfTheBulletin(Unit unit, Number value, String text, String stored) {
    assertEquals(text, unit.text(value));
    assertEquals(new BigDecimal(stored), unit.round(value));
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        Arguments.of(Unit.YI_YUAN, null),
        Arguments.of(Unit.GROWTH, null),
        Arguments.of(Unit.GROWTH, Double.NaN),
        Arguments.of(Unit.PERCENT, Double.POSITIVE_INFINITY),
        Arguments.of(Unit.RANK_MOVE, null));
  }

  @ParameterizedTest(name = "{0} {1} is a dash")
  @MethodSource("missing")
  void aMissingFigureIsADashAndNoNumber(Unit unit, Double value) {
    assertEquals("—", unit.text(value));
    assertEquals(null, unit.round(value));
  }

  static Stream<Arguments> withUnits() {
    return Stream.of(
        Arguments.of(Unit.YI_YUAN, new BigDecimal("28435297062.96"), "284.35亿元"),
        Arguments.of(Unit.WAN_USD, new BigDecimal("247066910.20"), "24707万美元"),
        Arguments.of(Unit.GROWTH, 32.19, "+32.2%"),
        Arguments.of(Unit.POINTS, -0.33, "-0.3个百分点"),
        Arguments.of(Unit.RANK, 6, "第6位"),
        Arguments.of(Unit.RANK_MOVE, 5, "↑5位"),
        Arguments.of(Unit.RANK_MOVE, 0, "持平"));
  }

  @ParameterizedTest(name = "{0} {1} reads {2}")
  @MethodSource("withUnits")
  void aFigureReadsWithItsChineseUnit(Unit unit, Number value, String expected) {
    Figure f =
        new Figure(
            "f1",
            unit.round(value),
            unit.text(value),
            unit,
            new Figure.Source("gold.t", 0, java.util.Map.of(), "c"));
    assertEquals(expected, f.withUnit());
  }

  static Stream<Arguments> currencies() {
    return Stream.of(Arguments.of("CNY", Unit.YI_YUAN), Arguments.of("USD", Unit.WAN_USD));
  }

  @ParameterizedTest(name = "{0} money is shown in {1}")
  @MethodSource("currencies")
  void moneyTakesTheUnitOfItsCurrency(String currency, Unit unit) {
    assertEquals(unit, Unit.money(currency));
  }
}
