package io.saima.kernelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.data.Row;
import io.delta.kernel.internal.data.GenericRow;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableDumpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The columns stored in the Parquet files; {@code year} is a partition column. */
  private static final MessageType FILE_SCHEMA =
      Types.buildMessage()
          .optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("region_code")
          .optional(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.decimalType(2, 10))
          .named("value")
          .optional(PrimitiveTypeName.INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("day")
          .optional(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
          .named("at")
          .named("spark_schema");

  /** 2020-03-10T02:00:00.000001Z */
  private static final long AT = 1_583_805_600_000_001L;

  @Test
  void printsTheLatestSnapshotSortedWithoutTheRowsOfRemovedFiles(@TempDir Path table)
      throws IOException {
    Map<String, Object> first =
        dataFile(
            table,
            "year=2019/a.parquet",
            row("A", 10000L, LocalDate.of(2020, 3, 10), AT),
            row("B", null, null, null));
    Map<String, Object> replaced =
        dataFile(table, "year=2020/b.parquet", row("A", 15000L, null, null));
    Map<String, Object> replacing =
        dataFile(
            table,
            "year=2020/c.parquet",
            row("A", 30000L, null, null),
            row("tab\there", 150L, null, null));
    commit(
        table,
        0,
        Map.of("protocol", Map.of("minReaderVersion", 1, "minWriterVersion", 2)),
        Map.of("metaData", metadata()),
        Map.of("add", add(first, "2019")),
        Map.of("add", add(replaced, "2020")));
    commit(
        table,
        1,
        Map.of(
            "remove",
            Map.of("path", replaced.get("path"), "deletionTimestamp", 2L, "dataChange", true)),
        Map.of("add", add(replacing, "2020")));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = DeltaTableDump.run(new String[] {table.toString()}, out, err);

    assertEquals(0, exit, err.toString());
    assertEquals(
        String.join(
            "\n",
            "version\t1",
            "schema\tregion_code:string\tvalue:decimal(10,2)\tday:date\tat:timestamp\tyear:integer",
            "A\t100.00\t2020-03-10\t2020-03-10T02:00:00.000001Z\t2019",
            "A\t300.00\t\\N\t\\N\t2020",
            "B\t\\N\t\\N\t\\N\t2019",
            "tab\\there\t1.50\t\\N\t\\N\t2020",
            ""),
        out.toString());
    assertTrue(err.toString().contains("4 rows of version 1"), err.toString());
  }

  @Test
  void aPathWithoutATableExitsWithOneAndNamesThePath(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String missing = dir.resolve("no_table").toString();

    assertEquals(1, DeltaTableDump.run(new String[] {missing}, out, err));
    assertEquals("", out.toString(), "nothing on stdout unless the whole table was read");
    assertTrue(
        err.toString().startsWith("delta-table-dump: cannot read the Delta table at " + missing),
        err.toString());
  }

  @Test
  void anythingButOnePathIsBadUsage() {
    StringWriter err = new StringWriter();
    assertEquals(2, DeltaTableDump.run(new String[0], new StringWriter(), err));
    assertEquals(2, DeltaTableDump.run(new String[] {"a", "b"}, new StringWriter(), err));
    assertTrue(err.toString().startsWith("usage: DeltaTableDump TABLE_PATH"), err.toString());
  }

  @Test
  void valuesKeepTheirScaleAndNullCannotBeMistakenForAString() {
    StructType schema =
        new StructType()
            .add("amount", new DecimalType(24, 2))
            .add("text", StringType.STRING)
            .add("pct", DoubleType.DOUBLE)
            .add("missing", StringType.STRING);
    Map<Integer, Object> values = new HashMap<>();
    values.put(0, new BigDecimal("1E+3").setScale(2));
    values.put(1, "\\N");
    values.put(2, -0.5);
    Row row = new GenericRow(schema, values);

    assertEquals("1000.00\t\\\\N\t-0.5\t\\N", DeltaTableDump.rowLine(row, schema));
    assertNotEquals(DeltaTableDump.NULL, DeltaTableDump.value(row, 1, StringType.STRING));
  }

  @Test
  void escapingKeepsOneValueInOneField() {
    assertEquals("a\\tb\\nc\\rd\\\\e", DeltaTableDump.escape("a\tb\nc\rd\\e"));
    assertEquals("赛马", DeltaTableDump.escape("赛马"));
  }

  /** A row of a data file; a null argument leaves the column null. */
  private static Group row(String regionCode, Long unscaledValue, LocalDate day, Long atMicros) {
    Group row = new SimpleGroupFactory(FILE_SCHEMA).newGroup().append("region_code", regionCode);
    if (unscaledValue != null) {
      row.append("value", unscaledValue);
    }
    if (day != null) {
      row.append("day", (int) day.toEpochDay());
    }
    if (atMicros != null) {
      row.append("at", atMicros);
    }
    return row;
  }

  /** Writes a Parquet file under the table; returns its path (relative) and size. */
  private static Map<String, Object> dataFile(Path table, String relative, Group... rows)
      throws IOException {
    Path file = table.resolve(relative);
    Files.createDirectories(file.getParent());
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(FILE_SCHEMA).build()) {
      for (Group row : rows) {
        writer.write(row);
      }
    }
    return Map.of("path", relative, "size", Files.size(file));
  }

  private static Map<String, Object> add(Map<String, Object> file, String year) {
    return Map.of(
        "path", file.get("path"),
        "size", file.get("size"),
        "partitionValues", Map.of("year", year),
        "modificationTime", 1L,
        "dataChange", true);
  }

  private static Map<String, Object> metadata() throws IOException {
    List<Map<String, Object>> fields = new ArrayList<>();
    fields.add(field("region_code", "string"));
    fields.add(field("value", "decimal(10,2)"));
    fields.add(field("day", "date"));
    fields.add(field("at", "timestamp"));
    fields.add(field("year", "integer"));
    return Map.of(
        "id", "00000000-0000-0000-0000-000000000001",
        "format", Map.of("provider", "parquet", "options", Map.of()),
        "schemaString", JSON.writeValueAsString(Map.of("type", "struct", "fields", fields)),
        "partitionColumns", List.of("year"),
        "configuration", Map.of(),
        "createdTime", 1L);
  }

  private static Map<String, Object> field(String name, String type) {
    return Map.of("name", name, "type", type, "nullable", true, "metadata", Map.of());
  }

  /** Writes one Delta commit: one JSON action a line. */
  @SafeVarargs
  private static void commit(Path table, long version, Map<String, Object>... actions)
      throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> action : actions) {
      lines.append(JSON.writeValueAsString(action)).append('\n');
    }
    Path log = Files.createDirectories(table.resolve("_delta_log"));
    Files.writeString(
        log.resolve(String.format(Locale.ROOT, "%020d.json", version)),
        lines.toString(),
        StandardCharsets.UTF_8);
  }
}
