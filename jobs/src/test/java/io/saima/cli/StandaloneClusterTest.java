package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saima.testing.DataFrameAssertions;
import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The night as a data engineer runs it on a cluster: a real standalone Master and Worker, each a
 * JVM of its own on 127.0.0.1, and a whole night submitted to them in client mode through {@code
 * jobs/bin/submit}, its tasks in an executor JVM the Worker starts. Its gold tables must equal, row
 * for row, those of the same night run locally ({@link SampleNight#smallDir}).
 *
 * <p>The most expensive test of the suite, so it is kept lean: one Worker with 2 cores and 1 GB,
 * one executor of 1 GB, and the small night of the samples: their first two months and a revision
 * of the first (nine deliveries, a workbook and Chinese file names among them) through every stage.
 * What the cluster adds is where the code runs, not what it computes, so the samples' other
 * deliveries would only repeat the same stages, each job paying the executor's round trips (the
 * whole samples took four to five minutes here, against two in one JVM). Spark's daemons and
 * executors find Spark in {@code target/spark-home/jars}, which the build copies before the tests
 * (STACK.md, "Cluster").
 */
class StandaloneClusterTest extends SparkTestBase {
  private static final Pattern STAGE_DONE = Pattern.compile("stage (\\w+) done in (\\d+) s");
  private static final Duration NIGHT_TIMEOUT = Duration.ofMinutes(40);

  private final List<Process> daemons = new ArrayList<>();

  @AfterEach
  void stopTheCluster() {
    // The Worker's executors are its children: they go first, then the daemons themselves.
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).descendants().forEach(ProcessHandle::destroyForcibly);
      daemons.get(i).destroyForcibly();
    }
    for (Process daemon : daemons) {
      try {
        daemon.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void theNightSubmittedToAStandaloneClusterWritesTheGoldTablesOfTheLocalNight() throws Exception {
    Path home = Path.of(System.getProperty("saima.home"));
    Path sparkHome = home.resolve("jobs/target/spark-home");
    assertTrue(
        Files.isDirectory(sparkHome.resolve("jars")),
        sparkHome + "/jars is missing: the build copies it before the tests (mvn verify)");
    Path localNight = SampleNight.smallDir();

    Path dir = Path.of("target", "standalone-cluster").toAbsolutePath();
    deleteRecursively(dir);
    Files.createDirectories(dir.resolve("work"));
    int masterPort = freePort();
    int masterUi = freePort();
    String master = "spark://127.0.0.1:" + masterPort;
    startDaemon(
        sparkHome,
        dir.resolve("master.log"),
        "org.apache.spark.deploy.master.Master",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(masterPort),
        "--webui-port",
        Integer.toString(masterUi));
    int workerUi = freePort();
    startDaemon(
        sparkHome,
        dir.resolve("worker.log"),
        "org.apache.spark.deploy.worker.Worker",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(freePort()),
        "--webui-port",
        Integer.toString(workerUi),
        "--cores",
        "2",
        "--memory",
        "1g",
        "--work-dir",
        dir.resolve("work").toString(),
        master);
    awaitAliveWorker(masterUi);

    Path clusterWarehouse = dir.resolve("warehouse");
    Path conf = dir.resolve("site.yaml");
    Files.writeString(conf, "reports: " + dir.resolve("reports") + "\n", StandardCharsets.UTF_8);
    ProcessBuilder submit =
        new ProcessBuilder(
                "bash",
                home.resolve("jobs/bin/submit").toString(),
                "--master",
                master,
                "--deploy-mode",
                "client",
                "--driver-memory",
                "1g",
                "--executor-memory",
                "1g",
                "--total-executor-cores",
                "2",
                "nightly",
                "--warehouse",
                clusterWarehouse.toString(),
                "--landing",
                SampleNight.smallLanding().toString(),
                "--conf",
                conf.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("submit.log").toFile());
    submit.environment().remove("SPARK_HOME"); // the script's own stand-in, as in a checkout
    submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    submit.environment().put("SAIMA_SUBMIT_JAR", applicationJar(dir).toString());
    Process night = submit.start();
    daemons.add(night);
    long start = System.nanoTime();
    boolean finished = night.waitFor(NIGHT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String log = Files.readString(dir.resolve("submit.log"), StandardCharsets.UTF_8);
    assertTrue(
        finished, "the submitted night did not finish in " + NIGHT_TIMEOUT + ":\n" + tail(log));
    assertEquals(0, night.exitValue(), "the submitted night failed:\n" + tail(log));
    System.out.println("standalone cluster: the submitted night took " + seconds + " s");
    Matcher stages = STAGE_DONE.matcher(log);
    while (stages.find()) {
      System.out.println("standalone cluster: " + stages.group());
    }

    // Its tasks ran in an executor JVM of the Worker, not in the driver.
    JsonNode app = onlyCompletedApp(masterUi);
    assertEquals("saima", app.path("name").asText());
    Path appWork = dir.resolve("work").resolve(app.path("id").asText());
    assertTrue(Files.isDirectory(appWork), "the Worker ran no executor for " + app.path("id"));
    String executorLog;
    try (Stream<Path> stderr = Files.walk(appWork)) {
      executorLog =
          stderr
              .filter(p -> p.getFileName().toString().equals("stderr"))
              .map(StandaloneClusterTest::read)
              .reduce("", String::concat);
    }
    assertTrue(
        executorLog.contains("Finished task"),
        "no task finished in an executor of " + appWork + ":\n" + tail(executorLog));

    // Table for table, the gold the cluster wrote is the gold the local night wrote.
    Path localGold = SampleNight.warehouseDir(localNight).resolve("gold");
    Path clusterGold = clusterWarehouse.resolve("gold");
    TreeSet<String> tables = deltaTables(localGold);
    assertFalse(tables.isEmpty(), "the local night wrote no gold table under " + localGold);
    assertEquals(tables, deltaTables(clusterGold));
    for (String table : tables) {
      Dataset<Row> local = spark().read().format("delta").load(localGold.resolve(table).toString());
      Dataset<Row> cluster =
          spark().read().format("delta").load(clusterGold.resolve(table).toString());
      assertEquals(local.schema(), cluster.schema(), "gold." + table + ": columns");
      DataFrameAssertions.assertSameTable(local, cluster, "gold." + table + " (local, cluster)");
    }
  }

  /** A Spark daemon in a JVM of its own, from the jars folder the executors use too. */
  private void startDaemon(Path sparkHome, Path log, String main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(List.of(SqlWhileNightWritesTest.JVM_OPENS));
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + "/*");
    command.add(main);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    daemons.add(builder.start());
  }

  /** The application jar: this build's classes (the jars folder holds their dependencies). */
  private static Path applicationJar(Path dir) throws IOException {
    Path classes =
        Path.of(System.getProperty("saima.home")).resolve("jobs/target/classes").toAbsolutePath();
    Path jar = dir.resolve("saima-jobs.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        try (var in = Files.newInputStream(file)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void awaitAliveWorker(int masterUi) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "nothing yet";
    while (System.nanoTime() < deadline) {
      try {
        JsonNode state = masterJson(masterUi);
        for (JsonNode worker : state.path("workers")) {
          if ("ALIVE".equals(worker.path("state").asText())) {
            return;
          }
        }
        last = state.toString();
      } catch (IOException notYet) {
        last = notYet.toString(); // the Master's UI is not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no Worker registered with the Master in 120 s; it said: " + last);
  }

  private static JsonNode onlyCompletedApp(int masterUi) throws Exception {
    JsonNode apps = masterJson(masterUi).path("completedapps");
    assertEquals(1, apps.size(), "completed applications: " + apps);
    return apps.get(0);
  }

  private static JsonNode masterJson(int masterUi) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new ObjectMapper().readTree(response.body());
  }

  private static TreeSet<String> deltaTables(Path database) throws IOException {
    TreeSet<String> tables = new TreeSet<>();
    if (Files.isDirectory(database)) {
      try (Stream<Path> children = Files.list(database)) {
        children
            .filter(p -> Files.isDirectory(p.resolve("_delta_log")))
            .forEach(p -> tables.add(p.getFileName().toString()));
      }
    }
    return tables;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
