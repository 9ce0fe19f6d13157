package io.saima.ingest;

import io.saima.conform.SilverTables;
import io.saima.ingest.IngestInputs.CheckedRecord;
import io.saima.ingest.IngestInputs.FileRecords;
import io.saima.ingest.IngestInputs.FileRefusedException;
import io.saima.ingest.IngestInputs.RecordStream;
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
 * The checked lines of a source as Spark rows: where each came from, its fields as delivered, the
 * validator's verdict and, when accepted, the typed silver columns. A file that cannot be read
 * becomes one {@code refused} row naming the problem, so the driver learns of it without the job
 * failing.
 */
public final class CheckedRows {
  private CheckedRows() {}

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String REFUSED = "refused";

  private static final Set<String> LINEAGE = Set.of("_delivery", "_file", "_line");

  /** The files to read: one row per file. */
  public static final StructType TASKS =
      new StructType()
          .add("_delivery", DataTypes.StringType, false)
          .add("path", DataTypes.StringType, false)
          .add("_file", DataTypes.StringType, false);

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

  /** A file that could not be read: one row naming it and the problem. */
  public static Row refused(String delivery, String file, String problem, StructType business) {
    Object[] out = new Object[9 + business.size()];
    out[0] = delivery;
    out[1] = file;
    out[2] = 0L;
    out[5] = REFUSED;
    out[7] = problem;
    out[8] = false;
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

  /**
   * Reads one file on an executor through Hadoop's file system and yields its checked lines lazily,
   * so a file is never held in memory whole.
   */
  public static final class ReadFile implements FlatMapFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    private final FileRecords records;
    private final Broadcast<Serializable> lookup;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final StructType business;

    public ReadFile(
        FileRecords records,
        Broadcast<Serializable> lookup,
        Broadcast<SerializableConfiguration> hadoop,
        StructType business) {
      this.records = records;
      this.lookup = lookup;
      this.hadoop = hadoop;
      this.business = business;
    }

    @Override
    public Iterator<Row> call(Row task) {
      String delivery = task.getString(0);
      Path path = new Path(task.getString(1));
      String file = task.getString(2);
      InputStream in = null;
      RecordStream stream;
      try {
        in = LandingScanner.open(path, hadoop.value().value());
        stream = records.open(in, file, lookup.value());
      } catch (FileRefusedException | IOException | RuntimeException e) {
        closeQuietly(in);
        return List.of(refused(delivery, file, file + ": " + message(e), business)).iterator();
      }
      return new Lines(delivery, file, stream, in, business);
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

  static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** A file's rows; a failure in the middle of the file ends it with a refusal row. */
  private static final class Lines implements Iterator<Row> {
    private final String delivery;
    private final String file;
    private final RecordStream stream;
    private final InputStream in;
    private final StructType business;
    private Row next;
    private boolean finished;

    Lines(String delivery, String file, RecordStream stream, InputStream in, StructType business) {
      this.delivery = delivery;
      this.file = file;
      this.stream = stream;
      this.in = in;
      this.business = business;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !finished) {
        try {
          if (stream.hasNext()) {
            next = row(delivery, file, stream.next(), business);
          } else {
            finish();
          }
        } catch (RuntimeException e) {
          next = refused(delivery, file, file + ": " + message(e), business);
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
