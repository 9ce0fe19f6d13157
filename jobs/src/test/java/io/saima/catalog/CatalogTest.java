package io.saima.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The one list of contracts: every table the night writes is in it with the columns the night
 * wrote, and the checks derived from a contract (completeness, key, accepted values, patterns,
 * non-negative money) pass on the samples' night and fail on rows that break them.
 */
class CatalogTest extends SparkTestBase {

  private static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.IntegerType, false)
          .add("county_code", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false)
          .add("basis", DataTypes.StringType, true)
          .add("code", DataTypes.StringType, true)
          .add("amount", DataTypes.createDecimalType(20, 2), true);

  private static final TableContract CONTRACT =
      TableContract.of(TableId.of("testdb", "checked"), "one row per county and period", SCHEMA)
          .withKey("period", "county_code")
          .accepting("basis", "month", "ytd")
          .matching("code", "^[0-9]{4}$")
          .nonNegative("amount");

  private static Dataset<Row> rows(Object[]... values) {
    // Every column nullable in the frame: the rows may break what the contract requires.
    StructType loose = new StructType();
    for (StructField field : SCHEMA.fields()) {
      loose = loose.add(field.name(), field.dataType(), true);
    }
    return spark().createDataFrame(Arrays.stream(values).map(RowFactory::create).toList(), loose);
  }

  /** The names of the checks that failed on these rows. */
  private static List<String> failed(Dataset<Row> rows) {
    return ContractChecks.run(spark(), CONTRACT, rows).stream()
        .filter(o -> !o.passed())
        .map(ContractChecks.Outcome::name)
        .toList();
  }

  @Test
  void rowsThatKeepTheContractPassEveryCheckDerivedFromIt() {
    List<ContractChecks.Outcome> outcomes =
        ContractChecks.run(
            spark(),
            CONTRACT,
            rows(
                row(202001, "330521", "德清", "month", "0110", new BigDecimal("1.00")),
                row(202001, "330522", "长兴", null, null, null),
                row(202002, "330521", "德清", "ytd", "9610", BigDecimal.ZERO)));
    // period, county_code and name complete, the key, basis, code and amount: seven checks.
    assertEquals(7, outcomes.size(), outcomes.toString());
    assertTrue(outcomes.stream().allMatch(ContractChecks.Outcome::passed), outcomes.toString());
  }

  @Test
  void eachBrokenRuleFailsItsOwnCheck() {
    Dataset<Row> broken =
        rows(
            row(202001, "330521", "德清", "month", "0110", new BigDecimal("1.00")),
            row(202001, "330521", "德清", "quarter", "110", new BigDecimal("-0.01")),
            row(202002, "330521", null, "ytd", "9610", BigDecimal.ONE));
    List<String> failed = failed(broken);
    assertEquals(5, failed.size(), failed.toString());
    String all = String.join("\n", failed);
    assertTrue(all.contains("Completeness(name"), all);
    assertTrue(all.contains("Uniqueness(Buffer(period, county_code)"), all);
    assertTrue(all.contains("basis"), all);
    assertTrue(all.contains("code matches"), all);
    assertTrue(all.contains("amount is non-negative"), all);
  }

  @Test
  void aContractThatNamesAColumnItDoesNotHaveIsRefused() {
    TableContract base = TableContract.of(TableId.of("testdb", "t"), "one row", SCHEMA);
    assertThrows(IllegalArgumentException.class, () -> base.withKey("period", "town_code"));
    assertThrows(IllegalArgumentException.class, () -> base.accepting("status", "ok"));
    // a list of values on a number, or a sign on text, is a contract that cannot hold
    assertThrows(IllegalArgumentException.class, () -> base.accepting("period", "202001"));
    assertThrows(IllegalArgumentException.class, () -> base.nonNegative("basis"));
  }

  @Test
  void theCatalogKnowsEachTableOnce() {
    List<TableContract> all = Catalog.all();
    assertEquals(
        all.size(), all.stream().map(TableContract::id).distinct().count(), "duplicate names");
    assertEquals(GoldTables.INDICATOR_MONTHLY, Catalog.of(GoldTables.INDICATOR_MONTHLY.id()));
    assertFalse(Catalog.find(TableId.of("gold", "no_such_table")).isPresent());
    assertEquals(
        List.of("bronze", "silver", "gold", "ops"),
        all.stream().map(c -> c.id().database()).distinct().toList(),
        "databases in the order of the night");
  }

  @Test
  void everyTableTheSamplesNightWroteIsInTheCatalogWithTheColumnsItWrote() {
    Warehouse night = SampleNight.warehouse();
    List<TableId> written = night.list();
    assertTrue(written.size() > 30, "tables: " + written);
    List<String> problems = new ArrayList<>();
    for (TableId id : written) {
      TableContract contract = Catalog.find(id).orElse(null);
      if (contract == null) {
        problems.add(id + " is not in the catalog");
        continue;
      }
      Map<String, String> actual = types(night.read(id).schema());
      Map<String, String> expected = types(contract.schema());
      if (!actual.equals(expected)) {
        problems.add(id + ": written " + actual + ", contract " + expected);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyTableOfTheSamplesNightPassesTheChecksOfItsContract() {
    Warehouse night = SampleNight.warehouse();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (TableContract contract : Catalog.all()) {
      if (Arrays.stream(Source.values()).map(BronzeTables::rows).anyMatch(contract::equals)) {
        continue; // the lines as delivered: every field text, nothing to judge but lineage
      }
      if (!night.exists(contract.id())) {
        failures.add(contract.id() + " was not written");
        continue;
      }
      Dataset<Row> rows = night.read(contract.id()).cache();
      if (rows.isEmpty()) {
        rows.unpersist();
        continue; // nothing to check (a night with no alert has no alerts)
      }
      for (ContractChecks.Outcome outcome : ContractChecks.run(spark(), contract, rows)) {
        checked++;
        if (!outcome.passed()) {
          failures.add(contract.id() + ": " + outcome.name() + " " + outcome.message());
        }
      }
      rows.unpersist();
    }
    assertEquals(List.of(), failures);
    assertTrue(checked > 200, checked + " checks");
  }

  /** Column name to type, nullability aside (Spark derives it loosely). */
  private static Map<String, String> types(StructType schema) {
    return Arrays.stream(schema.fields())
        .collect(
            Collectors.toMap(
                StructField::name,
                f -> TableContract.withoutNullability(f.dataType()).sql(),
                (a, b) -> a,
                TreeMap<String, String>::new));
  }
}
