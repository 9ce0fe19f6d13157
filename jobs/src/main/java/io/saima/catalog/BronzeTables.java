package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;

/**
 * Contracts of the bronze layer: every line as delivered, as text, and the lines that broke the
 * landing contract. Both are partitioned by delivery, so a delivery is replaced as a whole ({@code
 * replaceWhere _delivery IN (...)}) and a rerun rewrites exactly what it wrote before.
 */
public final class BronzeTables {
  private BronzeTables() {}

  public static final String DATABASE = "bronze";

  // What the lineage columns hold, in every table that keeps them (silver too).

  static final String DELIVERY =
      "the delivery folder the line came from, named to sort by arrival (e.g. 20200610-01)";

  static final String FILE = "the file's name within its delivery, as the sender chose it";

  static final String LINE =
      "the line where the record starts in its file, 1-based with the header as line 1 (XLSX: the"
          + " sheet's row number)";

  static final String INGESTED_AT =
      "when the line's delivery was ingested: the time of the run that landed it";

  /**
   * {@code bronze.<source>}: the delivered fields as text, aligned to {@link Source#columns()}
   * ({@code null} for a column absent from the file or the line, {@code ""} for an empty field),
   * the line as written ({@code _raw}: what the quarantine shows) and {@code _surplus_fields}.
   * Silver and quarantine are a function of these rows and the reference data ({@code saima
   * rebuild}).
   */
  public static TableContract rows(Source source) {
    Columns columns = new Columns();
    for (Source.Field field : source.fields()) {
      // The landing contract says what the field should hold; bronze keeps what it did hold.
      columns =
          columns.add(
              field.name(),
              DataTypes.StringType,
              true,
              "as delivered, unchecked text: " + field.description());
    }
    columns =
        columns
            .add("_delivery", DataTypes.StringType, false, DELIVERY)
            .add("_file", DataTypes.StringType, false, FILE)
            .add("_line", DataTypes.LongType, false, LINE)
            .add(
                "_raw",
                DataTypes.StringType,
                true,
                "the line exactly as written in the file, decoded (XLSX: the row's cells as a CSV"
                    + " line); null for lines landed before bronze kept it")
            .add(
                "_surplus_fields",
                DataTypes.IntegerType,
                true,
                "how many non-empty fields the line has beyond the header's columns (more than 0"
                    + " quarantines it); null for lines landed before bronze kept it")
            .add("_ingested_at", DataTypes.TimestampType, false, INGESTED_AT);
    return TableContract.of(
            TableId.of(DATABASE, source.id()),
            "one row per data line of a delivered file, fields as delivered (text), with the line as"
                + " written and the count of non-empty fields beyond the header, so that conform can"
                + " judge every line again from bronze alone",
            columns,
            "_delivery")
        .withKey("_delivery", "_file", "_line");
  }

  /** {@code bronze.<source>_quarantine}: rejected lines with one reason code each. */
  public static TableContract quarantine(Source source) {
    return TableContract.of(
            TableId.of(DATABASE, source.id() + "_quarantine"),
            "one row per rejected line: where it came from, the raw line and one reason code",
            new Columns()
                .add("_delivery", DataTypes.StringType, false, DELIVERY)
                .add("_file", DataTypes.StringType, false, FILE)
                .add("_line", DataTypes.LongType, false, LINE)
                .add(
                    "raw_line",
                    DataTypes.StringType,
                    true,
                    "the line exactly as written in the file, decoded (XLSX: the row's cells as a"
                        + " CSV line)")
                .add(
                    "reason",
                    DataTypes.StringType,
                    false,
                    "why the line was rejected: one reason code, the first rule it broke")
                .add(
                    "detail",
                    DataTypes.StringType,
                    true,
                    "what is wrong, for people: the column, the value and what was expected")
                .add("_ingested_at", DataTypes.TimestampType, false, INGESTED_AT),
            "_delivery")
        .withKey("_delivery", "_file", "_line")
        .accepting(
            "reason",
            java.util.Arrays.stream(QuarantineReason.values())
                .map(QuarantineReason::code)
                .toArray(String[]::new));
  }
}
