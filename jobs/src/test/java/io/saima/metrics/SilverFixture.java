package io.saima.metrics;

import io.saima.catalog.SilverTables;
import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * A handful of silver rows built by hand. The region tree is deliberately not Zhejiang: province
 * 990000 with city 990100 (counties 990101 in group "mountain", 990102 in "plain") and city 990200
 * (county 990201, "plain"); units 990101001 and 990101002 of 990101, 990201001 of 990201.
 */
final class SilverFixture {
  static final String A = "990101";
  static final String B = "990102";
  static final String C = "990201";
  static final String A_TOWN1 = "990101001";
  static final String A_TOWN2 = "990101002";
  static final String C_TOWN1 = "990201001";

  final List<Row> customs = new ArrayList<>();
  final List<Row> fdi = new ArrayList<>();
  final List<Row> retail = new ArrayList<>();
  final List<Row> aboveQuota = new ArrayList<>();
  final List<Row> delivered = new ArrayList<>();
  final List<Row> regions = new ArrayList<>();
  final List<Row> units = new ArrayList<>();
  final List<Row> targets = new ArrayList<>();
  private int line;

  SilverFixture() {
    regions.add(row(SilverTables.REGIONS, A, "甲县", "990100", "一市", "990000", "测试省", "mountain"));
    regions.add(row(SilverTables.REGIONS, B, "乙县", "990100", "一市", "990000", "测试省", "plain"));
    regions.add(row(SilverTables.REGIONS, C, "丙县", "990200", "二市", "990000", "测试省", "plain"));
    units.add(row(SilverTables.UNITS, A_TOWN1, "甲一镇", "town", A));
    units.add(row(SilverTables.UNITS, A_TOWN2, "甲二街道", "street", A));
    units.add(row(SilverTables.UNITS, C_TOWN1, "丙一镇", "town", C));
  }

  /** A row of the contract's table that knows its columns, so a test can read it by name. */
  private static Row row(TableContract contract, Object... values) {
    return new GenericRowWithSchema(values, contract.schema());
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount).setScale(2);
  }

  private Object[] lineage() {
    line++;
    return new Object[] {"d1", "f.csv", (long) line};
  }

  SilverFixture customs(
      int period,
      String county,
      String town,
      String enterprise,
      String mode,
      String usd,
      String cny) {
    Object[] l = lineage();
    customs.add(
        row(
            SilverTables.CUSTOMS_EXPORTS,
            period,
            county,
            town,
            enterprise,
            "企业" + enterprise,
            "85171200",
            mode,
            "US",
            money(usd),
            money(cny),
            l[0],
            l[1],
            l[2]));
    return this;
  }

  SilverFixture fdi(int period, String county, String town, String project, String actualUsd) {
    Object[] l = lineage();
    fdi.add(
        row(
            SilverTables.FDI_INFLOWS,
            period,
            county,
            town,
            project,
            "HK",
            "C",
            null,
            money(actualUsd),
            l[0],
            l[1],
            l[2]));
    return this;
  }

  SilverFixture retail(int period, String county, String sales, String online, String basis) {
    Object[] l = lineage();
    retail.add(
        row(
            SilverTables.RETAIL_SALES,
            period,
            county,
            money(sales),
            online == null ? null : money(online),
            basis,
            l[0],
            l[1],
            l[2]));
    return this;
  }

  SilverFixture aboveQuota(
      int period, String county, String town, String enterprise, String sales) {
    Object[] l = lineage();
    aboveQuota.add(
        row(
            SilverTables.ABOVE_QUOTA_SALES,
            period,
            county,
            town,
            enterprise,
            "retail",
            money(sales),
            l[0],
            l[1],
            l[2]));
    return this;
  }

  SilverFixture delivered(String source, int... periods) {
    return deliveredAt(source, "2020-12-31 00:00:00", periods);
  }

  SilverFixture deliveredAt(String source, String appliedAt, int... periods) {
    for (int period : periods) {
      delivered.removeIf(
          r -> r.<String>getAs("source").equals(source) && r.<Integer>getAs("period") == period);
      delivered.add(
          row(
              SilverTables.DELIVERED_PERIODS,
              source,
              period,
              "d1",
              1L,
              Timestamp.valueOf(appliedAt)));
    }
    return this;
  }

  SilverFixture target(String region, String indicator, int period, String type, String value) {
    targets.add(row(SilverTables.TARGETS, region, indicator, period, type, money(value)));
    return this;
  }

  SilverInputs inputs(SparkSession spark) {
    return new SilverInputs(
        Metrics.customsMonthly(frame(spark, SilverTables.CUSTOMS_EXPORTS, customs)),
        frame(spark, SilverTables.FDI_INFLOWS, fdi),
        frame(spark, SilverTables.RETAIL_SALES, retail),
        frame(spark, SilverTables.ABOVE_QUOTA_SALES, aboveQuota),
        frame(spark, SilverTables.DELIVERED_PERIODS, delivered),
        frame(spark, SilverTables.REGIONS, regions),
        frame(spark, SilverTables.UNITS, units),
        frame(spark, SilverTables.TARGETS, targets));
  }

  /** Writes every silver table with {@link Warehouse#overwrite}. */
  void writeTo(Warehouse warehouse) {
    SparkSession spark = warehouse.spark();
    write(warehouse, SilverTables.CUSTOMS_EXPORTS, customs);
    write(warehouse, SilverTables.FDI_INFLOWS, fdi);
    write(warehouse, SilverTables.RETAIL_SALES, retail);
    write(warehouse, SilverTables.ABOVE_QUOTA_SALES, aboveQuota);
    write(warehouse, SilverTables.DELIVERED_PERIODS, delivered);
    write(warehouse, SilverTables.REGIONS, regions);
    write(warehouse, SilverTables.UNITS, units);
    write(warehouse, SilverTables.TARGETS, targets);
    spark.catalog().clearCache();
  }

  private static void write(Warehouse warehouse, TableContract contract, List<Row> rows) {
    warehouse.overwrite(contract, frame(warehouse.spark(), contract, rows));
  }

  private static Dataset<Row> frame(SparkSession spark, TableContract contract, List<Row> rows) {
    return spark.createDataFrame(new ArrayList<>(rows), contract.schema());
  }
}
