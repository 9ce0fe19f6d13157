package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code saima sql-server} as statisticians' tools meet it: the real command in a JVM of its own
 * over a small warehouse, queried with the Hive JDBC driver from another JVM, while this JVM writes
 * to the same warehouse as a night would. The server starts once for the class.
 */
class SqlServerTest extends SparkTestBase {

  static final TableContract FIGURES = ReadOnlySqlTest.figures("served");
  static final TableContract TICKS =
      TableContract.of(
          TableId.of("ops", "ticks"),
          "one row per write",
          new StructType().add("tick", DataTypes.IntegerType, false));

  static Path dir;
  static Warehouse warehouse;
  static Process server;
  static String url;
  static int port;

  @BeforeAll
  static void startTheServer() throws Exception {
    dir = Files.createTempDirectory("saima-sql-server");
    warehouse = ReadOnlySqlTest.write(dir.resolve("warehouse"), FIGURES);
    warehouse.append(TICKS, spark().createDataFrame(List.of(RowFactory.create(0)), TICKS.schema()));
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = java(System.getProperty("java.class.path"), "io.saima.cli.Main");
    command.addAll(
        List.of(
            "sql-server",
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--port",
            Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("HIVE_SERVER2_THRIFT_BIND_HOST");
    builder.environment().remove("HIVE_SERVER2_THRIFT_PORT");
    builder.redirectError(dir.resolve("server.err").toFile());
    server = builder.start();
    CompletableFuture<String> firstLine =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    url = firstLine.get(5, TimeUnit.MINUTES);
    assertEquals(
        "jdbc:hive2://127.0.0.1:" + port + "/default",
        url,
        Files.readString(dir.resolve("server.err"), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(1, TimeUnit.MINUTES)) {
        server.destroyForcibly();
      }
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static List<String> java(String classpath, String main) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dfile.encoding=UTF-8");
    command.addAll(List.of(SqlWhileNightWritesTest.JVM_OPENS));
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    return command;
  }

  /** What the client printed for each statement: "ok" and its lines, or "error …". */
  static Map<String, List<String>> jdbc(String... statements) throws Exception {
    Path testClasses =
        Path.of(JdbcClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command =
        java(
            System.getProperty("saima.hiveJdbc.jar") + java.io.File.pathSeparator + testClasses,
            JdbcClient.class.getName());
    command.add(url);
    command.addAll(List.of(statements));
    Process client =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(client.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, client.exitValue(), out);
    Map<String, List<String>> results = new LinkedHashMap<>();
    List<String> current = null;
    int index = 0;
    for (String line : out.split("\n", -1)) {
      if (line.startsWith(JdbcClient.STATEMENT)) {
        current = new ArrayList<>();
        results.put((index++) + " " + line.substring(JdbcClient.STATEMENT.length()), current);
      } else if (current != null && !line.isEmpty()) {
        current.add(line);
      }
    }
    assertEquals(statements.length, results.size(), out);
    return results;
  }

  static List<List<String>> values(Map<String, List<String>> results) {
    return new ArrayList<>(results.values());
  }

  @Test
  void everyJdbcSessionSeesTheTablesAndQueriesAnswerWithTimeTravel() throws Exception {
    List<List<String>> results =
        values(
            jdbc(
                "\\tables",
                "SELECT name, amount FROM served.figures ORDER BY name",
                "SET spark.sql.thriftServer.incrementalCollect",
                "SELECT count(*) AS n FROM ops.ticks VERSION AS OF 0",
                "DESCRIBE HISTORY served.figures",
                "\\reconnect",
                "\\tables",
                "SELECT count(*) AS n FROM served.figures"));
    for (int i : new int[] {0, 6}) {
      Set<String> tables = new HashSet<>();
      for (String row : results.get(i).subList(2, results.get(i).size())) {
        String[] fields = row.split("\t");
        tables.add(fields[1] + "." + fields[2]);
      }
      assertTrue(tables.containsAll(Set.of("served.figures", "ops.ticks")), tables.toString());
    }
    assertEquals(List.of("ok", "name\tamount", "a\t1.50", "b\t2.00"), results.get(1));
    assertEquals("spark.sql.thriftServer.incrementalCollect\ttrue", results.get(2).get(2));
    assertEquals(List.of("ok", "n", "1"), results.get(3));
    assertEquals("ok", results.get(4).get(0));
    assertTrue(results.get(4).get(1).startsWith("version\ttimestamp"), results.get(4).toString());
    assertEquals(List.of("ok", "n", "2"), results.get(7));
  }

  @Test
  void everyWriteIsRefusedTheTablesStayAndTheServerKeepsAnswering() throws Exception {
    long version = warehouse.version(FIGURES.id()).orElseThrow();
    List<String> refused = ReadOnlyCases.on(ReadOnlyCases.REFUSED, "served.figures");
    List<String> allowed = ReadOnlyCases.on(ReadOnlyCases.ALLOWED, "served.figures");
    List<String> statements = new ArrayList<>(refused);
    statements.addAll(allowed);
    statements.add("SELECT count(*) AS n FROM mine");
    List<List<String>> results = values(jdbc(statements.toArray(String[]::new)));

    List<String> notRefused = new ArrayList<>();
    for (int i = 0; i < refused.size(); i++) {
      String first = results.get(i).get(0);
      if (!first.startsWith("error ") || !first.contains("read-only: ")) {
        notRefused.add(refused.get(i) + " -> " + first);
      }
    }
    assertEquals(List.of(), notRefused);
    for (int i = refused.size(); i < statements.size(); i++) {
      assertEquals("ok", results.get(i).get(0), statements.get(i) + ": " + results.get(i));
    }
    assertEquals(List.of("ok", "n", "2"), results.get(statements.size() - 1));
    assertEquals(version, warehouse.version(FIGURES.id()).orElseThrow());
    assertEquals(2L, warehouse.read(FIGURES.id()).count());
  }

  @Test
  void aJdbcQueryAnswersWhileANightWritesTheSameWarehouse() throws Exception {
    AtomicInteger writes = new AtomicInteger(1);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<Throwable> writeFailure = new AtomicReference<>();
    long before = warehouse.read(TICKS.id()).count();
    Thread night =
        new Thread(
            () -> {
              try {
                while (running.get()) {
                  warehouse.append(
                      TICKS,
                      spark()
                          .createDataFrame(
                              List.of(RowFactory.create(writes.getAndIncrement())),
                              TICKS.schema()));
                  // A night commits now and then, not back to back: the pause leaves the other
                  // JVM a core to start in on this two-core machine.
                  Thread.sleep(SqlWhileNightWritesTest.WRITE_PAUSE_MS);
                }
              } catch (RuntimeException e) {
                writeFailure.set(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    night.start();
    List<List<String>> results;
    try {
      // Wait for the first commit of the night before asking, so the answers can show it.
      while (warehouse.read(TICKS.id()).count() <= before && night.isAlive()) {
        Thread.sleep(200);
      }
      results =
          values(
              jdbc(
                  "SELECT count(*) AS n FROM ops.ticks",
                  "SELECT count(*) AS n FROM ops.ticks",
                  "SELECT max(tick) AS last FROM ops.ticks"));
    } finally {
      running.set(false);
      night.join(TimeUnit.MINUTES.toMillis(5));
    }
    assertTrue(writeFailure.get() == null, String.valueOf(writeFailure.get()));
    assertFalse(night.isAlive());
    for (List<String> result : results) {
      assertEquals("ok", result.get(0), result.toString());
    }
    long first = Long.parseLong(results.get(0).get(2));
    long second = Long.parseLong(results.get(1).get(2));
    assertTrue(first > before, "the server sees the night's commits: " + first);
    assertTrue(second >= first);
  }

  @Test
  void itListensOnTheLoopbackAddressOnly() throws Exception {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException e) {
              // a descriptor closed while listed
            }
          });
    }
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          listening.add(f[1]);
        }
      }
    }
    boolean thriftListens = false;
    for (String address : listening) {
      String host = address.substring(0, address.indexOf(':'));
      int listeningPort = Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
      boolean loopback =
          host.equals("0100007F")
              || host.equals("00000000000000000000000001000000")
              || host.equals("0000000000000000FFFF00000100007F");
      assertTrue(loopback, "the server listens on " + address + " as well: " + listening);
      thriftListens |= listeningPort == port;
    }
    assertTrue(thriftListens, "nothing listens on " + port + ": " + listening);
  }
}
