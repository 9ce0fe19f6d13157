package io.saima.catalog;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.constraints.Constraint;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The data-quality checks of a table, derived from its contract and run by Deequ: every column the
 * contract does not let be null is complete, no two rows share the key, coded columns take only
 * their accepted values or match their pattern, and money that cannot be negative is not. Nothing
 * is written here a second time: a table gains a check by its contract gaining the rule.
 *
 * <p>The night runs the checks of each silver slice it writes (IngestStage), so that a validation
 * rule that drifted shows on the table itself; the tests run those of every table of the samples'
 * night.
 */
public final class ContractChecks {
  private ContractChecks() {}

  /** One check's outcome. */
  public record Outcome(String name, String result, String message) {
    public boolean passed() {
      return "Success".equals(result);
    }
  }

  /** The table's checks, as Deequ defines them. */
  public static Check checkFor(TableContract contract) {
    scala.collection.Seq<Constraint> none =
        JavaConverters.asScalaBuffer(new ArrayList<Constraint>()).toSeq();
    Check check = new Check(CheckLevel.Error(), contract.id().qualified(), none);
    Option<String> noHint = Option.empty();
    for (String column : contract.requiredColumns()) {
      check =
          contract.schema().apply(column).dataType() instanceof AtomicType
              ? check.isComplete(column, noHint, Option.empty())
              // Deequ's completeness takes no array or map; the same rule as a predicate
              : satisfied(check, "`" + column + "` IS NOT NULL", column + " is complete", column);
    }
    if (!contract.key().isEmpty()) {
      check =
          check.hasUniqueness(
              JavaConverters.asScalaBuffer(new ArrayList<>(contract.key())).toSeq(),
              Check.IsOne(),
              Option.apply("key " + String.join(", ", contract.key())));
    }
    for (TableContract.ColumnRule rule : contract.rules()) {
      String column = rule.column();
      check =
          switch (rule.kind()) {
            case ONE_OF -> check.isContainedIn(column, rule.values().toArray(new String[0]));
            // Deequ's hasPattern counts a null as a mismatch; a nullable column may be empty.
            case PATTERN ->
                satisfied(
                    check,
                    "`"
                        + column
                        + "` IS NULL OR `"
                        + column
                        + "` RLIKE "
                        + literal(rule.values().get(0)),
                    column + " matches " + rule.values().get(0),
                    column);
            // Deequ's isNonNegative casts to DECIMAL(20,10), which overflows for yuan amounts
            // above 10^10 under ANSI mode; the same rule as a predicate keeps the exact decimal.
            case NON_NEGATIVE ->
                satisfied(
                    check,
                    "`" + column + "` IS NULL OR `" + column + "` >= 0",
                    column + " is non-negative",
                    column);
          };
    }
    return check;
  }

  /** A check that every row satisfies a predicate over one column. */
  private static Check satisfied(Check check, String predicate, String name, String column) {
    return check.satisfies(
        predicate,
        name,
        Check.IsOne(),
        Option.empty(),
        scala.collection.immutable.List$.MODULE$.<String>empty().$colon$colon(column),
        Option.empty());
  }

  /** A Spark SQL string literal of a pattern the code declares (never user text). */
  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Runs the table's checks on these rows of it (the whole table, or the slice a run wrote). */
  public static List<Outcome> run(SparkSession spark, TableContract contract, Dataset<Row> rows) {
    VerificationResult result =
        new VerificationSuite().onData(rows).addCheck(checkFor(contract)).run();
    Dataset<Row> table =
        VerificationResult.checkResultsAsDataFrame(
            spark, result, VerificationResult.checkResultsAsDataFrame$default$3());
    List<Outcome> out = new ArrayList<>();
    for (Row row :
        table.select("constraint", "constraint_status", "constraint_message").collectAsList()) {
      String message = row.isNullAt(2) ? null : row.getString(2);
      if (message != null && message.indexOf('\n') >= 0) {
        // a check that could not run carries the whole stack trace; its first line says why
        message = message.substring(0, message.indexOf('\n'));
      }
      out.add(
          new Outcome(
              row.getString(0),
              row.getString(1),
              message == null || message.isEmpty() ? null : message));
    }
    return out;
  }
}
