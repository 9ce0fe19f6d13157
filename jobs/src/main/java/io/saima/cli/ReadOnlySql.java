package io.saima.cli;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.CloneTableStatement;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DeltaDelete;
import org.apache.spark.sql.catalyst.plans.logical.DeltaMergeInto;
import org.apache.spark.sql.catalyst.plans.logical.DeltaUpdateTable;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.RestoreTableStatement;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.plans.logical.V2WriteCommand;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DataWritingCommand;
import org.apache.spark.sql.execution.command.DropTempViewCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.immutable.Map$;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The statisticians' read-only rule, as a Spark SQL extension ({@code spark.sql.extensions}): a
 * check on the analysed plan of every statement, so that a write is refused whatever its text looks
 * like ({@code WITH … INSERT}, {@code FROM t INSERT …}, a comment before the verb). The shell
 * ({@code saima sql}) and the JDBC server ({@code saima sql-server}) put it in their sessions; the
 * night's sessions never have it.
 *
 * <p>Allowed: queries, {@code SET}/{@code RESET} of session options, {@code USE}, {@code SHOW},
 * {@code DESCRIBE} (Delta's {@code DESCRIBE HISTORY} and {@code DETAIL} too), {@code EXPLAIN}, and
 * temporary views of the statistician's own session. Refused: every other command — inserts,
 * Delta's {@code DELETE}, {@code UPDATE}, {@code MERGE}, {@code OPTIMIZE}, {@code VACUUM}, {@code
 * RESTORE}, {@code CONVERT}, {@code CLONE}, any {@code CREATE}/{@code DROP}/{@code ALTER}, {@code
 * TRUNCATE}, {@code ADD JAR}, {@code CREATE FUNCTION}, {@code CACHE} — and plans that run code:
 * {@code reflect}/{@code java_method} (any static Java method) and {@code TRANSFORM … USING} (a
 * shell command).
 *
 * <p>The rule is on for a Spark context once {@link #enforce} was called for it; the code that sets
 * up the catalog (tables registered by path, the {@code report} views) runs inside {@link
 * #trusted}, on its own thread only. The JDBC server's sessions run on other threads, so nothing a
 * statistician sends runs trusted.
 *
 * <p>One class, though long: the extension, the rule and the list of what is allowed are reviewed
 * together, as one security boundary.
 */
public final class ReadOnlySql extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

  /** The extension's class name, for {@code spark.sql.extensions}. */
  public static final String EXTENSION = ReadOnlySql.class.getName();

  private static final String DELTA_COMMANDS = "org.apache.spark.sql.delta.commands.";

  private static final Set<SparkContext> ENFORCED = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  /** Commands that only show or set a session option, by class name (Spark's and Delta's). */
  private static final Set<String> SHOWING =
      Set.of(
          "SetCommand",
          "ResetCommand",
          "SetNamespaceCommand",
          "SetCatalogAndNamespace",
          "SetCatalogCommand",
          "DescribeQueryCommand");

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectCheckRule(new RuleBuilder());
    extensions.injectParser(new ParserBuilder());
    return BoxedUnit.UNIT;
  }

  /** From now on every statement in sessions of this context is checked. */
  public static void enforce(SparkContext context) {
    ENFORCED.add(context);
  }

  /** Lifts {@link #enforce}: for tests, whose one Spark context also runs nights. */
  public static void lift(SparkContext context) {
    ENFORCED.remove(context);
  }

  public static boolean enforced(SparkContext context) {
    return ENFORCED.contains(context);
  }

  /** Runs Saima's own catalog set-up, which registers tables and creates the report views. */
  public static <T> T trusted(Supplier<T> work) {
    boolean before = TRUSTED.get();
    TRUSTED.set(true);
    try {
      return work.get();
    } finally {
      TRUSTED.set(before);
    }
  }

  /** A statement the rule refuses; an analysis error, so it reaches users as one. */
  public static final class RefusedException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(
          message,
          Option.empty(),
          Option.empty(),
          Option.empty(),
          Option.empty(),
          Map$.MODULE$.empty(),
          new QueryContext[0]);
    }
  }

  private static final class RuleBuilder
      extends AbstractFunction1<SparkSession, scala.Function1<LogicalPlan, BoxedUnit>> {
    @Override
    public scala.Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
      return new Rule(session.sparkContext());
    }
  }

  private static final class Rule extends AbstractFunction1<LogicalPlan, BoxedUnit> {
    private final SparkContext context;

    Rule(SparkContext context) {
      this.context = context;
    }

    @Override
    public BoxedUnit apply(LogicalPlan plan) {
      if (enforced(context) && !TRUSTED.get()) {
        check(plan);
      }
      return BoxedUnit.UNIT;
    }
  }

  /**
   * The same check on the parsed plan, before analysis: some statements are planned by Delta into
   * commands that run without passing the analysed-plan check (RESTORE did, in tests), and a
   * refusal before analysis also spares the lookup of the tables a write names.
   */
  private static final class ParserBuilder
      extends scala.runtime.AbstractFunction2<SparkSession, ParserInterface, ParserInterface> {
    @Override
    public ParserInterface apply(SparkSession session, ParserInterface delegate) {
      return new Parser(session.sparkContext(), delegate);
    }
  }

  private static final class Parser implements ParserInterface {
    private final SparkContext context;
    private final ParserInterface delegate;

    Parser(SparkContext context, ParserInterface delegate) {
      this.context = context;
      this.delegate = delegate;
    }

    @Override
    public LogicalPlan parsePlan(String sqlText) throws ParseException {
      LogicalPlan plan = delegate.parsePlan(sqlText);
      if (enforced(context) && !TRUSTED.get()) {
        check(plan);
      }
      return plan;
    }

    @Override
    public LogicalPlan parseQuery(String sqlText) throws ParseException {
      LogicalPlan plan = delegate.parseQuery(sqlText);
      if (enforced(context) && !TRUSTED.get()) {
        check(plan);
      }
      return plan;
    }

    @Override
    public Expression parseExpression(String sqlText) throws ParseException {
      return delegate.parseExpression(sqlText);
    }

    @Override
    public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
      return delegate.parseTableIdentifier(sqlText);
    }

    @Override
    public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
      return delegate.parseFunctionIdentifier(sqlText);
    }

    @Override
    public scala.collection.Seq<String> parseMultipartIdentifier(String sqlText)
        throws ParseException {
      return delegate.parseMultipartIdentifier(sqlText);
    }

    @Override
    public StructType parseTableSchema(String sqlText) throws ParseException {
      return delegate.parseTableSchema(sqlText);
    }

    @Override
    public DataType parseDataType(String sqlText) throws ParseException {
      return delegate.parseDataType(sqlText);
    }
  }

  /** Throws {@link RefusedException} when the plan writes, changes the catalog or runs code. */
  static void check(LogicalPlan plan) {
    String refused = refusal(plan);
    if (refused != null) {
      // Spark's check rules throw AnalysisException, which Scala does not declare; neither may we.
      ReadOnlySql.<RuntimeException>undeclared(new RefusedException(message(refused)));
    }
  }

  static String message(String refused) {
    return "read-only: "
        + refused
        + " is not allowed here; only queries, SET, SHOW, DESCRIBE, EXPLAIN and temporary views"
        + " are";
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void undeclared(Throwable thrown) throws T {
    throw (T) thrown;
  }

  /** What in the plan is not allowed, or null. */
  static String refusal(QueryPlan<?> node) {
    if (node instanceof LogicalPlan plan) {
      String own = refusalOfNode(plan);
      if (own != null) {
        return own;
      }
      for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
        String found = refusal(child);
        if (found != null) {
          return found;
        }
      }
      if (plan instanceof CreateViewCommand view) {
        String found = refusal(view.plan());
        if (found != null) {
          return found;
        }
      }
    }
    for (Object inner : JavaConverters.seqAsJavaList(node.innerChildren())) {
      if (inner instanceof QueryPlan<?> innerPlan) {
        String found = refusal(innerPlan);
        if (found != null) {
          return found;
        }
      }
    }
    for (Expression expression : JavaConverters.seqAsJavaList(node.expressions())) {
      String found = refusalOfExpression(expression);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String refusalOfNode(LogicalPlan plan) {
    String name = plan.getClass().getSimpleName();
    if (plan instanceof InsertIntoStatement
        || plan instanceof V2WriteCommand
        || plan instanceof DataWritingCommand) {
      return "writing to a table (" + name + ")";
    }
    if (plan instanceof DeltaDelete
        || plan instanceof DeltaUpdateTable
        || plan instanceof DeltaMergeInto
        || plan instanceof RestoreTableStatement
        || plan instanceof CloneTableStatement) {
      // Delta's statements that are not Spark commands until Delta plans them.
      return "changing a table (" + name + ")";
    }
    if (plan.getClass().getName().startsWith(DELTA_COMMANDS) && !name.startsWith("Describe")) {
      return "the Delta command " + name;
    }
    if (plan instanceof ScriptTransformation) {
      return "running a script (TRANSFORM … USING)";
    }
    if (plan instanceof CreateViewCommand view) {
      return view.viewType() == LocalTempView$.MODULE$
          ? null
          : "a view other than a temporary one of this session ("
              + view.name().unquotedString()
              + ")";
    }
    if (plan instanceof DropTempViewCommand drop) {
      return drop.ident().namespace().length == 0
          ? null
          : "dropping a shared view (" + drop.ident() + ")";
    }
    if (plan instanceof ExplainCommand) {
      return null;
    }
    if (plan instanceof Command || plan instanceof ParsedStatement) {
      if (SHOWING.contains(name) || name.startsWith("Show") || name.startsWith("Describe")) {
        return null;
      }
      return "the command " + name;
    }
    return null;
  }

  private static String refusalOfExpression(Expression expression) {
    if (expression instanceof CallMethodViaReflection) {
      return "calling Java methods (reflect, java_method)";
    }
    if (expression instanceof SubqueryExpression subquery) {
      String found = refusal(subquery.plan());
      if (found != null) {
        return found;
      }
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      String found = refusalOfExpression(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
