package io.saima.cli;

import io.saima.config.SaimaConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saima sql-server}: the Spark Thrift server (HiveServer2's protocol) in this process, over
 * the statisticians' session: the warehouse's tables and the report views, read-only by the same
 * rule as {@code saima sql}. Every JDBC connection is a session of its own (its SET and temporary
 * views are its own) over one shared catalog. Rows are sent as they are computed ({@code
 * spark.sql.thriftServer.incrementalCollect}), so a large result never has to fit in the driver.
 */
@Command(
    name = "sql-server",
    mixinStandardHelpOptions = true,
    header = "Serves the warehouse read-only over JDBC/ODBC (HiveServer2 protocol).",
    description = {
      "Listens on 127.0.0.1:10000 unless told otherwise (sql.server in the configuration, or"
          + " --bind and --port). Connect with jdbc:hive2://127.0.0.1:10000/default (Hive JDBC"
          + " driver, no user or password); the README has connection strings for DBeaver, Python"
          + " and R. Tables are named <database>.<table> as in saima sql, with the views of"
          + " report. Only queries, SET, SHOW, DESCRIBE, EXPLAIN and temporary views are"
          + " accepted; a refused statement is an error for that statement only.",
      "",
      "Runs until stopped (Ctrl-C or SIGTERM). Reads tables by path, so it runs while a night"
          + " writes the same warehouse; tables a night creates after the start are seen after a"
          + " restart."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class SqlServerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServerCommand.class);

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.WarehouseOptions common;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port (default: sql.server.port of the configuration, 10000).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: sql.server.bind, 127.0.0.1: this machine only).")
  String bind;

  @Override
  public Integer call() throws InterruptedException {
    SaimaConfig config = common.load(List.of());
    int listenPort =
        port != null ? port : config.integer("sql.server.port").map(Long::intValue).orElse(10000);
    String host = bind != null ? bind : config.string("sql.server.bind");
    if (host == null || host.isBlank()) {
      host = "127.0.0.1";
    }
    if (listenPort < 1 || listenPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port expects 1 to 65535, got " + listenPort);
    }
    if (!HOST.matcher(host).matches()) {
      throw new ParameterException(
          spec.commandLine(), "--bind expects an address or host name, got '" + host + "'");
    }
    // HiveServer2 reads these before its configuration: a different value would win silently.
    requireEnvironment("HIVE_SERVER2_THRIFT_BIND_HOST", host, "--bind");
    requireEnvironment("HIVE_SERVER2_THRIFT_PORT", Integer.toString(listenPort), "--port");
    Map<String, String> thrift = new LinkedHashMap<>();
    thrift.put("hive.server2.thrift.bind.host", host);
    thrift.put("hive.server2.thrift.port", Integer.toString(listenPort));
    thrift.put("hive.server2.transport.mode", "binary");
    // The server's HiveConf takes system properties over its defaults; set them before the session.
    thrift.forEach(System::setProperty);
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("spark.sql.thriftServer.incrementalCollect", "true");
    thrift.forEach((key, value) -> extra.put("spark.hadoop." + key, value));

    SqlSession session = SqlSession.open(config, extra);
    SparkSession spark = session.spark;
    // A context started before (tests share one) did not take the builder's settings: JDBC
    // sessions are new sessions of the context, and take its configuration.
    spark.sparkContext().conf().set("spark.sql.thriftServer.incrementalCollect", "true");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    thrift.forEach(hadoop::set);

    List<String> registered =
        ReadOnlySql.trusted(
            () -> {
              session
                  .catalog
                  .tables()
                  .forEach(
                      (db, tables) ->
                          tables.forEach(t -> session.catalog.registerIfFound(List.of(db, t))));
              return List.copyOf(session.catalog.registered);
            });
    List<String> views = ReportViews.createAll(spark, session.catalog);
    LOG.info(
        "serving {} tables and {} report views of {}",
        registered.size(),
        views.size(),
        config.warehouse());

    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping the JDBC server");
                  server.stop();
                  stopped.countDown();
                },
                "sql-server-stop"));
    String url = "jdbc:hive2://" + host + ":" + listenPort + "/default";
    LOG.info("listening on {}:{}, read-only; Ctrl-C stops", host, listenPort);
    System.out.println(url);
    System.out.flush();
    stopped.await();
    return ExitCode.OK;
  }

  private void requireEnvironment(String name, String expected, String option) {
    String value = System.getenv(name);
    if (value != null && !value.isBlank() && !value.equals(expected)) {
      throw new ParameterException(
          spec.commandLine(),
          "the environment sets "
              + name
              + "="
              + value
              + ", which HiveServer2 would use instead of "
              + option
              + " "
              + expected
              + "; unset it or give "
              + option
              + " "
              + value);
    }
  }
}
