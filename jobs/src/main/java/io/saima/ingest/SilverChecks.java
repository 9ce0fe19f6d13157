package io.saima.ingest;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.constraints.Constraint;
import io.saima.conform.SilverTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Column checks on the silver rows a run writes, run by Deequ: required columns complete, money
 * never negative, coded columns within their allowed values. The validator already enforces these
 * line by line; these checks catch a rule that drifted, on the table itself.
 */
public final class SilverChecks {
  private SilverChecks() {}

  /** GB/T 4754 sections A to T. */
  private static final String[] INDUSTRY_SECTIONS = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T"
  };

  /** One check's outcome. */
  public record Outcome(String name, String result, String message) {
    public boolean passed() {
      return "Success".equals(result);
    }
  }

  /** The checks of a source's silver rows, as Deequ defines them. */
  public static Check checkFor(Source source) {
    scala.collection.Seq<Constraint> none =
        JavaConverters.asScalaBuffer(new ArrayList<Constraint>()).toSeq();
    Check check = new Check(CheckLevel.Error(), "silver." + source.id(), none);
    Option<String> noHint = Option.empty();
    for (String column : source.requiredColumns()) {
      check = check.isComplete(column, noHint, Option.empty());
    }
    for (StructField field : SilverTables.of(source).schema().fields()) {
      if (field.dataType() instanceof DecimalType) {
        // Deequ's isNonNegative casts to DECIMAL(20,10), which overflows for yuan amounts above
        // 10^10 under ANSI mode; the same rule as a plain predicate keeps the exact decimal.
        String name = field.name();
        check =
            check.satisfies(
                "`" + name + "` IS NULL OR `" + name + "` >= 0",
                name + " is non-negative",
                Check.IsOne(),
                noHint,
                scala.collection.immutable.List$.MODULE$.<String>empty().$colon$colon(name),
                Option.empty());
      }
    }
    switch (source) {
      case CUSTOMS_EXPORTS -> {
        check = check.isComplete("value_usd", noHint, Option.empty());
        check = check.isComplete("value_cny", noHint, Option.empty());
        check =
            check.hasPattern(
                "trade_mode",
                new scala.util.matching.Regex(
                    "^[0-9]{4}$", JavaConverters.asScalaBuffer(new ArrayList<String>()).toSeq()),
                Check.IsOne(),
                Option.apply("trade_mode_four_digits"),
                noHint,
                Option.empty());
      }
      case FDI_INFLOWS -> check = check.isContainedIn("industry", INDUSTRY_SECTIONS);
      case RETAIL_SALES -> check = check.isContainedIn("basis", new String[] {"month", "ytd"});
      case ABOVE_QUOTA_SALES ->
          check =
              check.isContainedIn(
                  "industry", new String[] {"wholesale", "retail", "accommodation", "catering"});
    }
    return check;
  }

  /** Runs the source's checks on rows of its silver table. */
  public static List<Outcome> run(SparkSession spark, Source source, Dataset<Row> silverRows) {
    Check check = checkFor(source);
    Dataset<Row> checkable = silverRows;
    VerificationResult result = new VerificationSuite().onData(checkable).addCheck(check).run();
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
