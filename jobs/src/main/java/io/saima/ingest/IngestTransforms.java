package io.saima.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.saima.catalog.QuarantineReason;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The ingest rules as functions from rows to rows, with no reads, writes or clocks: duplicates and
 * conflicts within a delivery, the periods a delivery brings, which delivery wins a period, and the
 * rows of bronze, quarantine and silver. Input is {@link CheckedRows#schema(Source)} without
 * refused rows.
 */
public final class IngestTransforms {
  private IngestTransforms() {}

  /** YYYYMM with a real month; a line with any other period text delivers no period. */
  private static final String PERIOD_TEXT = "^[0-9]{4}(0[1-9]|1[0-2])$";

  /**
   * Adds the final verdict of each line: {@code quarantine_reason} and {@code quarantine_detail}
   * (null when the line goes to silver) and {@code kept}.
   *
   * <p>Accepted lines of a delivery with the same typed values are one row delivered twice: the
   * first (by file, then line) is kept and the others are {@code duplicate_row}. Then, for sources
   * with a key, accepted lines sharing the key with different values cannot be told apart, so all
   * of them are {@code conflicting_duplicate}.
   */
  public static Dataset<Row> classify(Dataset<Row> checked, Source source) {
    Column accepted = col("status").equalTo(CheckedRows.ACCEPTED);
    List<Column> sameRow = new ArrayList<>(List.of(col("_delivery"), col("status")));
    List<Column> values = new ArrayList<>();
    for (StructField field : CheckedRows.businessColumns(source).fields()) {
      sameRow.add(col(field.name()));
      values.add(col(field.name()));
    }
    WindowSpec copies =
        Window.partitionBy(sameRow.toArray(Column[]::new)).orderBy(col("_file"), col("_line"));
    Dataset<Row> marked =
        checked
            .withColumn("copy_number", row_number().over(copies))
            .withColumn("first_file", first(col("_file")).over(copies))
            .withColumn("first_line", first(col("_line")).over(copies))
            .withColumn("duplicate", accepted.and(col("copy_number").gt(1)));

    Column conflict = lit(false);
    Column keyText = lit(null).cast(DataTypes.StringType);
    Column distinctRows = lit(0);
    if (!source.key().isEmpty()) {
      List<Column> sameKey =
          new ArrayList<>(List.of(col("_delivery"), col("status"), col("duplicate")));
      List<Column> keyParts = new ArrayList<>();
      for (String key : source.key()) {
        sameKey.add(col(key));
        keyParts.add(concat(lit(key + "="), col(key).cast(DataTypes.StringType)));
      }
      WindowSpec byKey = Window.partitionBy(sameKey.toArray(Column[]::new));
      marked =
          marked.withColumn(
              "distinct_rows_for_key",
              size(collect_set(struct(values.toArray(Column[]::new))).over(byKey)));
      conflict =
          accepted.and(col("duplicate").unary_$bang()).and(col("distinct_rows_for_key").gt(1));
      keyText = concat_ws(", ", keyParts.toArray(Column[]::new));
      distinctRows = col("distinct_rows_for_key");
    }
    return marked
        .withColumn("conflict", conflict)
        .withColumn(
            "quarantine_reason",
            when(col("conflict"), lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
                .when(col("duplicate"), lit(QuarantineReason.DUPLICATE_ROW.code()))
                .otherwise(col("reason")))
        .withColumn(
            "quarantine_detail",
            when(
                    col("conflict"),
                    concat(
                        lit("key "),
                        keyText,
                        lit(" has "),
                        distinctRows.cast(DataTypes.StringType),
                        lit(" different rows in this delivery")))
                .when(
                    col("duplicate"),
                    concat(
                        lit("same values as "),
                        col("first_file"),
                        lit(" line "),
                        col("first_line").cast(DataTypes.StringType)))
                .otherwise(col("detail")))
        .withColumn("kept", accepted.and(col("quarantine_reason").isNull()));
  }

  /**
   * The periods each delivery brings: every line whose period is a valid month counts, accepted or
   * not, so a month delivered with no usable rows still replaces what was there.
   */
  public static Dataset<Row> deliveredPeriods(Dataset<Row> classified) {
    return classified
        .select(col("_delivery"), deliveredPeriod().as("period"))
        .where(col("period").isNotNull())
        .distinct();
  }

  /** The month a line brings: its typed period, or the first field when that is a valid month. */
  private static Column deliveredPeriod() {
    Column periodText = trim(field(0));
    return coalesce(
        col("period"), when(periodText.rlike(PERIOD_TEXT), periodText.cast(DataTypes.IntegerType)));
  }

  /**
   * For each period, the delivery whose rows stand: the last by name among those that bring it
   * (deliveries found in the same run apply in name order, so the last one wins).
   */
  public static Dataset<Row> latestDeliveryPerPeriod(Dataset<Row> deliveredPeriods) {
    return deliveredPeriods.groupBy("period").agg(max("_delivery").as("_delivery"));
  }

  /** The silver rows: kept lines of the delivery that stands for their period. */
  public static Dataset<Row> silverRows(
      Dataset<Row> classified, Dataset<Row> latest, Source source) {
    Dataset<Row> kept = classified.where(col("kept"));
    Dataset<Row> standing =
        kept.join(
            latest.select(
                col("period").as("standing_period"), col("_delivery").as("standing_delivery")),
            kept.col("period")
                .equalTo(col("standing_period"))
                .and(kept.col("_delivery").equalTo(col("standing_delivery"))),
            "left_semi");
    return standing.select(contractColumns(SilverTables.of(source).schema().fieldNames()));
  }

  /**
   * One row per period a source's deliveries brought: the delivery that stands and how many silver
   * rows it has there (0 is a real figure: delivered, nothing for anyone).
   *
   * @param appliedAt when the standing delivery was applied: the night's time, or a column of
   *     {@code latest}
   */
  public static Dataset<Row> deliveredPeriodRows(
      Dataset<Row> latest, Dataset<Row> silverRows, Source source, Column appliedAt) {
    Dataset<Row> counts =
        silverRows.groupBy("period", "_delivery").agg(count(lit(1)).as("silver_rows"));
    return latest
        .join(counts, latest.col("period").equalTo(counts.col("period")), "left")
        .select(
            lit(source.id()).as("source"),
            latest.col("period"),
            latest.col("_delivery"),
            coalesce(counts.col("silver_rows"), lit(0L)).as("rows"),
            appliedAt.as("applied_at"));
  }

  /**
   * The lines that go to quarantine, one reason each.
   *
   * @param ingestedAt when the line's delivery was ingested: the night's time, or a column
   */
  public static Dataset<Row> quarantineRows(Dataset<Row> classified, Column ingestedAt) {
    return classified
        .where(col("quarantine_reason").isNotNull())
        .select(
            col("_delivery"),
            col("_file"),
            col("_line"),
            col("raw_line"),
            col("quarantine_reason").as("reason"),
            col("quarantine_detail").as("detail"),
            ingestedAt.as("_ingested_at"));
  }

  /**
   * The lines counted per delivery, file, month brought ({@link #deliveredPeriods}; null when the
   * line brings none) and quarantine reason (null when kept): lines read, kept, quarantined (and of
   * those, duplicates and conflicts), and kept lines whose town code was unknown. A few rows, from
   * which {@link LineCounts} derives every count the night records.
   */
  public static Dataset<Row> lineSummary(Dataset<Row> classified) {
    return classified
        .groupBy(
            col("_delivery"),
            col("_file"),
            deliveredPeriod().as("period"),
            col("quarantine_reason"))
        .agg(
            count(lit(1)).as("lines"),
            sum(when(col("kept"), 1L).otherwise(0L)).as("accepted"),
            sum(when(col("quarantine_reason").isNotNull(), 1L).otherwise(0L)).as("quarantined"),
            sum(when(col("duplicate"), 1L).otherwise(0L)).as("duplicates"),
            sum(when(col("conflict"), 1L).otherwise(0L)).as("conflicts"),
            sum(when(col("kept").and(col("unknown_town")), 1L).otherwise(0L)).as("unknown_towns"));
  }

  /** The i-th delivered field (from 0), null when the line had fewer. */
  private static Column field(int index) {
    return expr("try_element_at(fields, " + (index + 1) + ")");
  }

  private static Column[] contractColumns(String[] names) {
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = col(names[i]);
    }
    return out;
  }
}
