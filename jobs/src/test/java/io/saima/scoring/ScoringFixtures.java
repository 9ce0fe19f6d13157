package io.saima.scoring;

import io.saima.catalog.GoldTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Warehouse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Small hand-made gold figures: four counties (three of group {@code other}, one of {@code
 * mountain26}) and the rows of {@code gold.indicator_monthly} a test describes.
 */
public final class ScoringFixtures {
  private ScoringFixtures() {}

  public static final String A = "330521";
  public static final String B = "330522";
  public static final String C = "330523";
  public static final String D = "331124";

  public static Dataset<Row> regions(SparkSession spark) {
    List<Row> rows =
        List.of(
            region(A, "德清县", "other"),
            region(B, "长兴县", "other"),
            region(C, "安吉县", "other"),
            region(D, "松阳县", "mountain26"));
    return spark.createDataFrame(rows, SilverTables.REGIONS.schema());
  }

  private static Row region(String code, String name, String group) {
    return RowFactory.create(code, name, code.substring(0, 4) + "00", "市", "330000", "浙江省", group);
  }

  public static Dataset<Row> noTargets(SparkSession spark) {
    return spark.createDataFrame(new ArrayList<Row>(), SilverTables.TARGETS.schema());
  }

  /** Rows of indicator_monthly, built up by {@link #county} and {@link #province}. */
  public static final class Monthly {
    private final List<Row> rows = new ArrayList<>();

    /** A county row: year to date, last year's year to date; growth derived as gold does. */
    public Monthly county(String indicator, String code, int period, String ytd, String ytdLy) {
      return add(indicator, "county", code, period, ytd, ytdLy, null);
    }

    /** A county row whose growth is given rather than derived (null: no growth). */
    public Monthly countyGrowth(
        String indicator, String code, int period, String ytd, Double yoyYtdPct) {
      rows.add(row(indicator, "county", code, period, ytd, ytd, null, yoyYtdPct, null, null, null));
      return this;
    }

    public Monthly province(String indicator, int period, String ytd, String ytdLy) {
      return add(indicator, "province", "330000", period, ytd, ytdLy, null);
    }

    private Monthly add(
        String indicator,
        String level,
        String code,
        int period,
        String ytd,
        String ytdLy,
        Double share) {
      BigDecimal value = new BigDecimal(ytd);
      BigDecimal last = ytdLy == null ? null : new BigDecimal(ytdLy);
      rows.add(
          row(
              indicator,
              level,
              code,
              period,
              ytd,
              ytd,
              ytdLy,
              Figures.growthPct(value, last),
              share,
              null,
              null));
      return this;
    }

    private static Row row(
        String indicator,
        String level,
        String code,
        int period,
        String month,
        String ytd,
        String ytdLy,
        Double yoy,
        Double share,
        Double shareLy,
        Double shareChange) {
      return RowFactory.create(
          indicator,
          level,
          code,
          null,
          period,
          period / 100,
          period % 100,
          new BigDecimal(month).setScale(2),
          new BigDecimal(ytd).setScale(2),
          null,
          ytdLy == null ? null : new BigDecimal(ytdLy).setScale(2),
          null,
          yoy,
          share,
          shareLy,
          shareChange,
          indicator.equals("fdi_actual") ? "USD" : "CNY");
    }

    public Dataset<Row> frame(SparkSession spark) {
      return spark.createDataFrame(rows, GoldTables.INDICATOR_MONTHLY.schema());
    }
  }

  /**
   * The four counties of the reference-scheme test in June 2020, and May with every figure equal.
   * Hand computation is in {@code ReferenceSchemeTest}.
   */
  public static Monthly referenceFigures() {
    Monthly m = new Monthly();
    m.countyGrowth("export", A, 202006, "100", 10.0)
        .countyGrowth("export", B, 202006, "300", null)
        .countyGrowth("export", C, 202006, "200", 30.0)
        .countyGrowth("export", D, 202006, "100", 20.0)
        .countyGrowth("fdi_actual", A, 202006, "50", 0.0)
        .countyGrowth("fdi_actual", B, 202006, "50", 20.0)
        .countyGrowth("fdi_actual", C, 202006, "50", 10.0)
        .countyGrowth("fdi_actual", D, 202006, "50", null)
        .countyGrowth("retail_sales", A, 202006, "400", 8.0)
        .countyGrowth("retail_sales", B, 202006, "200", 2.0)
        .countyGrowth("retail_sales", C, 202006, "200", 4.0)
        .countyGrowth("retail_sales", D, 202006, "600", 6.0);
    for (String indicator : List.of("export", "fdi_actual", "retail_sales")) {
      for (String county : List.of(A, B, C, D)) {
        m.countyGrowth(indicator, county, 202005, "10", 1.0);
      }
    }
    return m;
  }

  public static void writeReference(Warehouse warehouse, SparkSession spark) {
    warehouse.overwrite(GoldTables.INDICATOR_MONTHLY, referenceFigures().frame(spark));
    warehouse.overwrite(SilverTables.REGIONS, regions(spark));
    warehouse.overwrite(SilverTables.TARGETS, noTargets(spark));
  }
}
