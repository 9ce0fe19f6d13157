package io.saima.catalog;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.actions.FileAction;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.delta.actions.Protocol;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * The one place tables are read, written and registered. Tables live at {@code
 * <warehouse>/<database>/<table>} and are found by path; each process registers what it finds in
 * its own in-memory catalog, so any number of readers (a {@code saima sql} shell, a JDBC server)
 * can work while a night writes — there is no shared metastore to lock.
 */
public final class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(TableId id) {
    return id.path(root);
  }

  public boolean exists(TableId id) {
    return DeltaTable.isDeltaTable(spark, path(id));
  }

  public Dataset<Row> read(TableId id) {
    return spark.read().format("delta").load(path(id));
  }

  /** The table's rows, or an empty frame of the contract's schema when it was never written. */
  public Dataset<Row> readOrEmpty(TableContract contract) {
    if (exists(contract.id())) {
      return read(contract.id());
    }
    return spark.createDataFrame(new ArrayList<Row>(), contract.schema());
  }

  /** Replaces the whole table with these rows, in the contract's column order. */
  public void overwrite(TableContract contract, Dataset<Row> rows) {
    write(contract, rows, null, null);
  }

  /**
   * Replaces the whole table, and records {@code note} as the commit's {@code userMetadata}, where
   * {@link #contentNote} finds it again (and {@code DESCRIBE HISTORY} shows it).
   */
  public void overwrite(TableContract contract, Dataset<Row> rows, String note) {
    write(contract, rows, null, note);
  }

  /**
   * The {@code userMetadata} of the latest commit that changed the table's content (added or
   * removed rows, or changed its schema), skipping the commits that only rearrange files such as
   * OPTIMIZE and VACUUM; empty when the table does not exist, that commit has none, or it is not
   * among the last {@value #NOTE_LOOKBACK} commits. Read from the commits' files in {@code
   * _delta_log} on the driver, without a Spark job, so a night can tell cheaply whether a table
   * still holds what it last wrote there.
   */
  public Optional<String> contentNote(TableId id) {
    var logAndSnapshot = DeltaLog.forTableWithSnapshot(spark, path(id));
    long latest = logAndSnapshot._2().version();
    if (latest < 0) {
      return Optional.empty();
    }
    List<scala.Tuple2<Object, scala.collection.Seq<Action>>> commits = new ArrayList<>();
    var changes = logAndSnapshot._1().getChanges(Math.max(0, latest - NOTE_LOOKBACK + 1), false);
    while (changes.hasNext()) {
      commits.add(changes.next());
    }
    for (int i = commits.size() - 1; i >= 0; i--) {
      CommitInfo info = null;
      boolean changesContent = false;
      for (Action action : JavaConverters.seqAsJavaList(commits.get(i)._2())) {
        if (action instanceof CommitInfo commitInfo) {
          info = commitInfo;
        } else if (action instanceof FileAction file) {
          changesContent |= file.dataChange();
        } else if (action instanceof Metadata || action instanceof Protocol) {
          changesContent = true;
        }
      }
      if (changesContent) {
        return info != null && info.userMetadata().isDefined()
            ? Optional.of(info.userMetadata().get())
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static final int NOTE_LOOKBACK = 20;

  /**
   * Replaces the rows matching {@code condition} with these rows, leaving the rest of the table as
   * it was (Delta {@code replaceWhere}). The condition is built by code from validated values,
   * never from user text. Every row written must match it, which Delta checks.
   */
  public void replaceWhere(TableContract contract, Dataset<Row> rows, String condition) {
    write(contract, rows, condition, null);
  }

  /**
   * Appends rows: for audit tables that only grow. A table written under an older contract takes
   * this one through its declared migration ({@link Migrations}) or the append is refused.
   */
  public void append(TableContract contract, Dataset<Row> rows) {
    append(contract, rows, null);
  }

  /**
   * Appends rows and records {@code note} (when not null) as the commit's {@code userMetadata},
   * where {@link #contentNote} finds it again.
   */
  public void append(TableContract contract, Dataset<Row> rows, String note) {
    Dataset<Row> conforming = contract.conform(rows);
    Migrations.Change change = schemaChange(contract, currentSchema(contract.id()), false);
    var writer =
        conforming
            .write()
            .format("delta")
            .mode("append")
            .partitionBy(contract.partitionBy().toArray(new String[0]));
    if (change == Migrations.Change.ADD_COLUMNS) {
      writer = writer.option("mergeSchema", "true");
    }
    if (note != null) {
      writer = writer.option("userMetadata", note);
    }
    writer.save(path(contract.id()));
    LOG.info("wrote {} (appended)", contract.id());
    register(contract.id());
  }

  private void write(TableContract contract, Dataset<Row> rows, String condition, String note) {
    Dataset<Row> conforming = contract.conform(rows);
    StructType current = currentSchema(contract.id());
    Migrations.Change change = schemaChange(contract, current, condition == null);
    var writer =
        conforming
            .write()
            .format("delta")
            .mode("overwrite")
            .partitionBy(contract.partitionBy().toArray(new String[0]));
    if (condition != null && current != null) {
      writer = writer.option("replaceWhere", condition);
    }
    if (note != null) {
      writer = writer.option("userMetadata", note);
    }
    if (change == Migrations.Change.ADD_COLUMNS) {
      writer = writer.option("mergeSchema", "true");
    } else if (change == Migrations.Change.REPLACE) {
      writer = writer.option("overwriteSchema", "true");
    }
    writer.save(path(contract.id()));
    LOG.info(
        "wrote {} ({})",
        contract.id(),
        condition == null ? "replaced" : "replaced where " + condition);
    register(contract.id());
  }

  /**
   * The table's schema in its latest snapshot (a listing of its log), or null when the table does
   * not exist yet: read once per write, for both the migration check and the write's mode.
   */
  private StructType currentSchema(TableId id) {
    var snapshot = DeltaLog.forTableWithSnapshot(spark, path(id))._2();
    return snapshot.version() < 0 ? null : snapshot.schema();
  }

  /**
   * What this write does to the table's schema: nothing when the table is new or already has the
   * contract's columns, else what a declared migration allows ({@link Migrations#change}), which
   * the log names.
   */
  private static Migrations.Change schemaChange(
      TableContract contract, StructType current, boolean whole) {
    Migrations.Change change = Migrations.change(contract, current, whole);
    if (change != Migrations.Change.NONE) {
      for (Migrations.Migration migration : Migrations.of(contract.id(), change)) {
        LOG.info(
            "migrating {}: {} {} ({})",
            contract.id(),
            migration.kind(),
            migration.columns(),
            migration.why());
      }
    }
    return change;
  }

  /**
   * One condition for several disjoint slices a single {@link #replaceWhere} replaces together, so
   * a night writes a table in one commit however many slices it rewrote.
   */
  public static String anyOf(List<String> slices) {
    if (slices.isEmpty()) {
      throw new IllegalArgumentException("no slice to replace");
    }
    return slices.size() == 1
        ? slices.get(0)
        : slices.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" OR "));
  }

  /**
   * The table's latest Delta version, or empty when it does not exist: the highest version among
   * the commit and checkpoint files of its {@code _delta_log}, found by one listing of that folder.
   * No snapshot is loaded and no Spark job runs, so a night can take the versions of every table
   * before and after it cheaply; {@code DESCRIBE HISTORY} would cost a Spark job per call.
   */
  public Optional<Long> version(TableId id) {
    Path log = new Path(path(id), "_delta_log");
    FileStatus[] files;
    try {
      files = log.getFileSystem(spark.sparkContext().hadoopConfiguration()).listStatus(log);
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + log + ": " + e.getMessage(), e);
    }
    long latest = -1;
    for (FileStatus file : files) {
      java.util.regex.Matcher name = LOG_FILE.matcher(file.getPath().getName());
      if (name.matches()) {
        latest = Math.max(latest, Long.parseLong(name.group(1)));
      }
    }
    return latest < 0 ? Optional.empty() : Optional.of(latest);
  }

  /** A commit or checkpoint file of a Delta log; group 1 is its version. */
  private static final java.util.regex.Pattern LOG_FILE =
      java.util.regex.Pattern.compile(
          "(\\d{20})\\.(?:json|checkpoint(?:\\..+)?\\.(?:parquet|json))");

  /**
   * Registers one table as {@code <database>.<table>} in this session's catalog. A name the session
   * holds for a table of another warehouse is pointed at this one's: in a session that has opened
   * two warehouses, a name means the table of the warehouse that last registered it, never
   * whichever came first.
   */
  public void register(TableId id) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + id.database());
    if (spark.catalog().tableExists(id.database(), id.name())) {
      if (registeredHere(id)) {
        return;
      }
      LOG.debug("{} was registered at another warehouse; now at {}", id.qualified(), path(id));
      spark.sessionState().catalog().dropTable(identifier(id), true, false);
    }
    spark.catalog().createTable(id.qualified(), path(id), "delta");
  }

  private static org.apache.spark.sql.catalyst.TableIdentifier identifier(TableId id) {
    return new org.apache.spark.sql.catalyst.TableIdentifier(
        id.name(), scala.Option.apply(id.database()));
  }

  /** Whether the session's table of this name is this warehouse's, by qualified location. */
  private boolean registeredHere(TableId id) {
    try {
      java.net.URI location =
          spark.sessionState().catalog().getTableMetadata(identifier(id)).location();
      Path mine = new Path(path(id));
      FileSystem fs = mine.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.makeQualified(mine).equals(fs.makeQualified(new Path(location)));
    } catch (IOException | org.apache.spark.sql.AnalysisException e) {
      return false;
    }
  }

  /**
   * The Delta tables under the warehouse ({@code <database>/<table>/_delta_log}), found by listing
   * folders only: no table's log is read, so this is cheap however many tables there are.
   */
  public List<TableId> list() {
    List<TableId> found = new ArrayList<>();
    try {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(rootPath)) {
        return found;
      }
      for (FileStatus database : fs.listStatus(rootPath)) {
        String db = database.getPath().getName();
        if (!database.isDirectory() || !db.matches("[a-z][a-z0-9_]*")) {
          continue;
        }
        for (FileStatus table : fs.listStatus(database.getPath())) {
          String name = table.getPath().getName();
          if (table.isDirectory()
              && name.matches("[a-z][a-z0-9_]*")
              && fs.exists(new Path(table.getPath(), "_delta_log"))) {
            found.add(TableId.of(db, name));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot list the warehouse " + root + ": " + e.getMessage(), e);
    }
    return found;
  }
}
