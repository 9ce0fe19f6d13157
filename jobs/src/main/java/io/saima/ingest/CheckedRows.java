package io.saima.ingest;

import io.saima.catalog.BronzeTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import io.saima.ingest.IngestInputs.CheckedRecord;
import io.saima.ingest.IngestInputs.FileRecords;
import io.saima.ingest.IngestInputs.FileRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The lines of a source as Spark rows, in two steps. Landing ({@link LandFile}) reads a file into
 * rows shaped like {@code bronze.<source>}: where each line came from, the line as written and its
 * fields as text; a file that cannot be read becomes one row naming the problem in {@code
 * _refused}, so the driver learns of it without the job failing. Checking ({@link Validate}) reads
 * such rows — the night's just landed, or the whole of bronze for a rebuild — and adds the
 * validator's verdict and, when accepted, the typed silver columns ({@link #schema(Source)}).
 *
 * <p>One class, though long: it defines both row shapes, landed and checked, which must line up
 * column for column with bronze and silver.
 */
public final class CheckedRows {
  private CheckedRows() {}

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";

  private static final Set<String> LINEAGE = Set.of("_delivery", "_file", "_line");

  /** The files to read: one row per file. */
  public static final StructType TASKS =
      new StructType()
          .add("_delivery", DataTypes.StringType, false)
          .add("path", DataTypes.StringType, false)
          .add("_file", DataTypes.StringType, false);

  /**
   * The landed lines of a source: the columns of {@code bronze.<source>} but its ingest time, and
   * {@code _refused}, the problem of a file that could not be read (then the only row of the file).
   */
  public static StructType landed(Source source) {
    StructType out = new StructType();
    for (StructField field : BronzeTables.rows(source).schema().fields()) {
      if (!field.name().equals("_ingested_at")) {
        out = out.add(field);
      }
    }
    return out.add("_refused", DataTypes.StringType, true);
  }

  /** The typed business columns of the source's silver table, without lineage. */
  public static StructType businessColumns(Source source) {
    StructType out = new StructType();
    for (StructField field : SilverTables.of(source).schema().fields()) {
      if (!LINEAGE.contains(field.name())) {
        out = out.add(field.name(), field.dataType(), true);
      }
    }
    return out;
  }

  public static StructType schema(Source source) {
    StructType schema =
        new StructType()
            .add("_delivery", DataTypes.StringType, false)
            .add("_file", DataTypes.StringType, false)
            .add("_line", DataTypes.LongType, false)
            .add("raw_line", DataTypes.StringType, true)
            .add("fields", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("status", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("detail", DataTypes.StringType, true)
            .add("unknown_town", DataTypes.BooleanType, false);
    for (StructField field : businessColumns(source).fields()) {
      schema = schema.add(field);
    }
    return schema;
  }

  /** One checked line as a row of {@link #schema(Source)}. */
  public static Row row(String delivery, String file, CheckedRecord record, StructType business) {
    Object[] out = new Object[9 + business.size()];
    out[0] = delivery;
    out[1] = file;
    out[2] = record.line();
    out[3] = record.rawLine();
    out[4] =
        record.values() == null
            ? null
            : scala.collection.mutable.WrappedArray.make(record.values().clone());
    out[5] = record.accepted() != null ? ACCEPTED : REJECTED;
    out[6] = record.reason();
    out[7] = record.detail();
    out[8] = record.unknownTown();
    if (record.accepted() != null) {
      StructField[] fields = business.fields();
      if (record.accepted().length != fields.length) {
        throw new IllegalStateException(
            file
                + " line "
                + record.line()
                + ": the validator returned "
                + record.accepted().length
                + " values for "
                + fields.length
                + " columns");
      }
      for (int i = 0; i < fields.length; i++) {
        out[9 + i] = coerce(record.accepted()[i], fields[i].dataType());
      }
    }
    return RowFactory.create(out);
  }

  static Object coerce(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType decimal) {
      BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
      // The validator has already refused amounts with more decimals than the contract keeps.
      return number.setScale(decimal.scale(), RoundingMode.UNNECESSARY);
    }
    if (type == DataTypes.IntegerType) {
      return ((Number) value).intValue();
    }
    if (type == DataTypes.LongType) {
      return ((Number) value).longValue();
    }
    if (type == DataTypes.StringType) {
      return String.valueOf(value);
    }
    return value;
  }

  /** One line of a file as a row of {@link #landed(Source)}. */
  static Row landedRow(String delivery, String file, RawRecord record, int columns) {
    Object[] out = new Object[columns + 6];
    System.arraycopy(record.values(), 0, out, 0, columns);
    out[columns] = delivery;
    out[columns + 1] = file;
    out[columns + 2] = record.line();
    out[columns + 3] = record.rawLine();
    out[columns + 4] = record.surplusFields();
    return RowFactory.create(out);
  }

  /** A file that could not be read: one landed row naming it and the problem. */
  static Row refusedFile(String delivery, String file, String problem, int columns) {
    Object[] out = new Object[columns + 6];
    out[columns] = delivery;
    out[columns + 1] = file;
    out[columns + 2] = 0L;
    out[columns + 5] = problem;
    return RowFactory.create(out);
  }

  /**
   * Reads one file on an executor through Hadoop's file system and yields its lines lazily as rows
   * of {@link #landed(Source)}, so a file is never held in memory whole.
   */
  public static final class LandFile implements FlatMapFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    private final FileRecords records;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final int columns;

    public LandFile(
        FileRecords records, Broadcast<SerializableConfiguration> hadoop, Source source) {
      this.records = records;
      this.hadoop = hadoop;
      this.columns = source.columns().size();
    }

    @Override
    public Iterator<Row> call(Row task) {
      String delivery = task.getString(0);
      Path path = new Path(task.getString(1));
      String file = task.getString(2);
      InputStream in = null;
      CloseableIterator<RawRecord> stream;
      try {
        in = LandingScanner.open(path, hadoop.value().value());
        stream = records.open(in, file);
      } catch (FileRefusedException | IOException | RuntimeException e) {
        closeQuietly(in);
        return List.of(refusedFile(delivery, file, file + ": " + message(e), columns)).iterator();
      }
      return new Lines(delivery, file, stream, in, columns);
    }

    private static void closeQuietly(InputStream in) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          // the file could not be read anyway; the refusal says why
        }
      }
    }
  }

  /**
   * Judges landed lines (rows with the columns of {@code bronze.<source>}) against the landing
   * contract with {@link RecordValidator}: rows of {@link #schema(Source)}. The verdict depends on
   * the line's fields and the reference data only, so bronze judged again gives the same rows.
   */
  public static final class Validate implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Source source;
    private final Broadcast<Serializable> lookup;
    private final StructType business;

    public Validate(Source source, Broadcast<Serializable> lookup) {
      this.source = source;
      this.lookup = lookup;
      this.business = businessColumns(source);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      RecordValidator validator = new RecordValidator(source, (ReferenceLookup) lookup.value());
      List<String> columns = source.columns();
      return new Iterator<>() {
        private int[] fieldIndex;
        private int delivery;
        private int file;
        private int line;
        private int raw;
        private int surplus;

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row row = rows.next();
          if (fieldIndex == null) {
            fieldIndex = new int[columns.size()];
            for (int i = 0; i < fieldIndex.length; i++) {
              fieldIndex[i] = row.fieldIndex(columns.get(i));
            }
            delivery = row.fieldIndex("_delivery");
            file = row.fieldIndex("_file");
            line = row.fieldIndex("_line");
            raw = row.fieldIndex("_raw");
            surplus = row.fieldIndex("_surplus_fields");
          }
          String[] values = new String[fieldIndex.length];
          for (int i = 0; i < values.length; i++) {
            values[i] = row.isNullAt(fieldIndex[i]) ? null : row.getString(fieldIndex[i]);
          }
          RawRecord record =
              new RawRecord(
                  row.getLong(line),
                  row.isNullAt(raw) ? null : row.getString(raw),
                  values,
                  row.isNullAt(surplus) ? 0 : row.getInt(surplus));
          Validated verdict = validator.validate(record);
          CheckedRecord checked;
          if (verdict instanceof Validated.Accepted accepted) {
            checked =
                CheckedRecord.accepted(
                    record.line(),
                    record.rawLine(),
                    values,
                    accepted.values(),
                    accepted.unknownTown());
          } else {
            Validated.Rejected rejected = (Validated.Rejected) verdict;
            checked =
                CheckedRecord.rejected(
                    record.line(), record.rawLine(), values, rejected.reason(), rejected.detail());
          }
          return CheckedRows.row(row.getString(delivery), row.getString(file), checked, business);
        }
      };
    }
  }

  static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** A file's rows; a failure in the middle of the file ends it with a refusal row. */
  private static final class Lines implements Iterator<Row> {
    private final String delivery;
    private final String file;
    private final CloseableIterator<RawRecord> stream;
    private final InputStream in;
    private final int columns;
    private Row next;
    private boolean finished;

    Lines(
        String delivery,
        String file,
        CloseableIterator<RawRecord> stream,
        InputStream in,
        int columns) {
      this.delivery = delivery;
      this.file = file;
      this.stream = stream;
      this.in = in;
      this.columns = columns;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !finished) {
        try {
          if (stream.hasNext()) {
            next = landedRow(delivery, file, stream.next(), columns);
          } else {
            finish();
          }
        } catch (RuntimeException e) {
          next = refusedFile(delivery, file, file + ": " + message(e), columns);
          finish();
        }
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row out = next;
      next = null;
      return out;
    }

    private void finish() {
      finished = true;
      try {
        stream.close();
        in.close();
      } catch (IOException e) {
        // every line was read; a failure to close changes nothing of what was read
      }
    }
  }
}
