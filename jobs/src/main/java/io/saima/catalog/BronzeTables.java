package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Contracts of the bronze layer: every line as delivered, as text, and the lines that broke the
 * landing contract. Both are partitioned by delivery, so a delivery is replaced as a whole ({@code
 * replaceWhere _delivery IN (...)}) and a rerun rewrites exactly what it wrote before.
 */
public final class BronzeTables {
  private BronzeTables() {}

  public static final String DATABASE = "bronze";

  /**
   * {@code bronze.<source>}: the delivered fields as text, aligned to {@link Source#columns()}
   * ({@code null} for a column absent from the file or the line, {@code ""} for an empty field),
   * the line as written ({@code _raw}: what the quarantine shows) and {@code _surplus_fields}.
   * Silver and quarantine are a function of these rows and the reference data ({@code saima
   * rebuild}).
   */
  public static TableContract rows(Source source) {
    StructType schema = new StructType();
    for (String column : source.columns()) {
      schema = schema.add(column, DataTypes.StringType, true);
    }
    schema =
        schema
            .add("_delivery", DataTypes.StringType, false)
            .add("_file", DataTypes.StringType, false)
            .add("_line", DataTypes.LongType, false)
            .add("_raw", DataTypes.StringType, true)
            .add("_surplus_fields", DataTypes.IntegerType, true)
            .add("_ingested_at", DataTypes.TimestampType, false);
    return TableContract.of(
            TableId.of(DATABASE, source.id()),
            "one row per data line of a delivered file, fields as delivered (text), with the line as"
                + " written and the count of non-empty fields beyond the header, so that conform can"
                + " judge every line again from bronze alone",
            schema,
            "_delivery")
        .withKey("_delivery", "_file", "_line");
  }

  /** {@code bronze.<source>_quarantine}: rejected lines with one reason code each. */
  public static TableContract quarantine(Source source) {
    return TableContract.of(
            TableId.of(DATABASE, source.id() + "_quarantine"),
            "one row per rejected line: where it came from, the raw line and one reason code",
            new StructType()
                .add("_delivery", DataTypes.StringType, false)
                .add("_file", DataTypes.StringType, false)
                .add("_line", DataTypes.LongType, false)
                .add("raw_line", DataTypes.StringType, true)
                .add("reason", DataTypes.StringType, false)
                .add("detail", DataTypes.StringType, true)
                .add("_ingested_at", DataTypes.TimestampType, false),
            "_delivery")
        .withKey("_delivery", "_file", "_line")
        .accepting(
            "reason",
            java.util.Arrays.stream(QuarantineReason.values())
                .map(QuarantineReason::code)
                .toArray(String[]::new));
  }
}
