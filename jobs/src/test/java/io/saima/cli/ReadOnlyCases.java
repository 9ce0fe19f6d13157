package io.saima.cli;

import java.util.List;

/**
 * The statements the read-only rule must refuse and those it must let through, as a table of cases
 * over one table {@code {t}} (replaced by the test's own): every write and DDL form of Spark and
 * Delta, the forms that defeat a filter on the first word, and plans that run code.
 */
final class ReadOnlyCases {
  private ReadOnlyCases() {}

  static final List<String> REFUSED =
      List.of(
          "INSERT INTO {t} VALUES ('x', 1)",
          "INSERT OVERWRITE TABLE {t} SELECT * FROM {t}",
          "WITH s AS (SELECT 'x' AS name, 1 AS amount) INSERT INTO {t} SELECT * FROM s",
          "FROM {t} INSERT INTO {t} SELECT *",
          "/* a note */ INSERT INTO {t} VALUES ('x', 1)",
          "-- a note\nDELETE FROM {t}",
          "  \n insert into {t} values ('x', 1)",
          "DELETE FROM {t} WHERE amount > 0",
          "UPDATE {t} SET amount = 0",
          "MERGE INTO {t} t USING {t} s ON t.name = s.name WHEN MATCHED THEN DELETE",
          "OPTIMIZE {t}",
          "VACUUM {t} RETAIN 0 HOURS",
          "RESTORE TABLE {t} TO VERSION AS OF 0",
          "CONVERT TO DELTA parquet.`/tmp/saima-no-such-folder`",
          "DROP TABLE {t}",
          "TRUNCATE TABLE {t}",
          "ALTER TABLE {t} ADD COLUMNS (extra INT)",
          "ALTER TABLE {t} SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 1 days')",
          "CREATE TABLE {t}_copy USING delta AS SELECT * FROM {t}",
          "CREATE TABLE {t}_clone SHALLOW CLONE {t}",
          "REPLACE TABLE {t} USING delta AS SELECT * FROM {t}",
          "ALTER TABLE {t} ADD CONSTRAINT positive CHECK (amount > 0)",
          "REORG TABLE {t} APPLY (PURGE)",
          "GENERATE symlink_format_manifest FOR TABLE {t}",
          "CREATE TABLE {t}_new (a INT) USING delta",
          "CREATE VIEW {t}_view AS SELECT * FROM {t}",
          "CREATE GLOBAL TEMPORARY VIEW shared_view AS SELECT * FROM {t}",
          "CACHE TABLE {t}",
          "ADD JAR /tmp/saima-no-such.jar",
          "CREATE FUNCTION twice AS 'org.apache.hadoop.hive.ql.udf.UDFLength'",
          "CREATE TEMPORARY FUNCTION twice AS 'org.apache.hadoop.hive.ql.udf.UDFLength'",
          "SELECT reflect('java.util.UUID', 'randomUUID')",
          "SELECT name, java_method('java.util.UUID', 'randomUUID') FROM {t}",
          "SELECT * FROM {t} WHERE name IN (SELECT reflect('java.util.UUID', 'randomUUID'))",
          "SELECT TRANSFORM(name) USING 'cat' AS (line) FROM {t}");

  static final List<String> ALLOWED =
      List.of(
          "SELECT count(*) AS n FROM {t}",
          "SET spark.sql.shuffle.partitions = 2",
          "SHOW TABLES",
          "DESCRIBE {t}",
          "DESCRIBE HISTORY {t}",
          "EXPLAIN SELECT * FROM {t}",
          "CREATE OR REPLACE TEMPORARY VIEW mine AS SELECT * FROM {t}",
          "SELECT count(*) AS n FROM {t} VERSION AS OF 0");

  static List<String> on(List<String> statements, String table) {
    return statements.stream().map(s -> s.replace("{t}", table)).toList();
  }
}
