package io.saima.generate;

import static io.saima.generate.LandingContext.plant;
import static io.saima.generate.LandingContext.set;
import static io.saima.generate.LandingGenerator.yyyymm;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliberately bad customs lines, extra lines planted among the good ones (the customs part of
 * the table in data-samples/README.md): which city file of which month gets one, after which good
 * row, and what is broken. The one line kept with a warning, Deqing's unknown town code, is not
 * here: it replaces a good line, so {@link CustomsLines} writes it as it draws the lines.
 *
 * <p>Apart from {@link CustomsLines} so that the list can be read against that table at a glance,
 * and because nothing in it depends on how the good lines are drawn.
 */
final class CustomsBadRows {
  private CustomsBadRows() {}

  /** The bad rows of one city's file of a month, none for most files. */
  static List<CsvFile.Plant> plants(YearMonth period, String city) {
    List<CsvFile.Plant> plants = new ArrayList<>();
    String p = yyyymm(period);
    // Each row copies the good row before it and breaks one thing, as real bad rows do.
    if (p.equals("201903") && city.equals("330700")) {
      plants.add(plant(5, "missing_field", row -> set(row, 5, "")));
    }
    if (p.equals("201905") && city.equals("330200")) {
      plants.add(plant(7, "bad_number", row -> set(set(row, 8, "12,480.50"), 9, "")));
    }
    if (p.equals("201907") && city.equals("330300")) {
      plants.add(plant(4, "bad_period", row -> set(row, 0, "2019-07")));
    }
    if (p.equals("201909") && city.equals("330500")) {
      plants.add(plant(6, "negative_amount", row -> set(set(row, 8, "-1229.57"), 9, "-8650.00")));
    }
    if (p.equals("201911") && city.equals("330100")) {
      plants.add(plant(3, "unknown_county", row -> set(row, 1, "330101")));
    }
    if (p.equals("202001") && city.equals("330600")) {
      plants.add(plant(8, "invalid_enterprise_id", row -> set(row, 3, wrongCheck(row[3]))));
    }
    if (p.equals("202004") && city.equals("330400")) {
      plants.add(plant(2, "no_amount", row -> set(set(row, 8, ""), 9, "")));
    }
    if (p.equals("202006") && city.equals("330500")) {
      plants.add(plant(9, "duplicate_row", row -> row));
    }
    return plants;
  }

  /** A mistyped check character: the next one of the alphabet. */
  static String wrongCheck(String code) {
    String alphabet = io.saima.ingest.CreditCode.ALPHABET;
    char next = alphabet.charAt((alphabet.indexOf(code.charAt(17)) + 1) % alphabet.length());
    return code.substring(0, 17) + next;
  }
}
