package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saima sql}: queries over every table of the warehouse, results on stdout. Read-only: each
 * statement is parsed by Spark and refused unless it is a query. Tables are registered by path in
 * this process's own catalog, so it runs while a night writes to the same warehouse.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs SQL queries over the warehouse (tables named <database>.<table>) and prints the",
      "results. Read-only: SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN only.",
      "csv is RFC 4180 with a header row, plain decimals and empty nulls; json is one object",
      "per line; table aligns columns for reading."
    })
public final class SqlCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  static final class Input {
    @Option(
        names = {"-e", "--execute"},
        paramLabel = "QUERY",
        description = "the query to run")
    String query;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "a file of queries separated by ';'")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (default ${DEFAULT-VALUE})")
  SqlOutput.Format format;

  @Override
  public Integer call() throws IOException {
    String text;
    if (input.file != null) {
      if (!Files.isRegularFile(input.file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + input.file);
      }
      text = Files.readString(input.file, StandardCharsets.UTF_8);
    } else {
      text = input.query;
    }
    List<String> statements = SqlStatements.split(text);
    if (statements.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no SQL statement given");
    }
    SaimaConfig config = common.load(List.of());
    SparkSession spark = SparkSessions.create(config);
    for (String statement : statements) {
      try {
        SqlStatements.requireQuery(spark, statement);
      } catch (ParseException e) {
        throw new ParameterException(spec.commandLine(), "not valid SQL: " + e.getMessage());
      } catch (SqlStatements.NotAQueryException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    new Warehouse(spark, config.warehouse()).registerAll();
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    for (String statement : statements) {
      Dataset<Row> result = spark.sql(statement);
      SqlOutput.print(result, format, out);
      out.flush();
    }
    return ExitCode.OK;
  }
}
