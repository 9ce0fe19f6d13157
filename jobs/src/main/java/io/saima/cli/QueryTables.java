package io.saima.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The tables and databases a parsed statement names, so that {@code saima sql} registers only those
 * instead of every table of the warehouse. Looks into subqueries and common table expressions as
 * well; whatever it misses, the command still finds when Spark reports the table missing.
 */
final class QueryTables {
  private QueryTables() {}

  /** What a statement names: tables as their name parts, databases whose tables it lists. */
  record Named(Set<List<String>> tables, Set<String> databases) {}

  static Named of(LogicalPlan plan) {
    Named named = new Named(new LinkedHashSet<>(), new LinkedHashSet<>());
    walk(plan, named);
    return named;
  }

  private static void walk(QueryPlan<?> node, Named named) {
    if (node instanceof UnresolvedRelation relation) {
      named.tables().add(parts(relation.multipartIdentifier()));
    } else if (node instanceof UnresolvedTable table) {
      named.tables().add(parts(table.multipartIdentifier()));
    } else if (node instanceof UnresolvedTableOrView table) {
      named.tables().add(parts(table.multipartIdentifier()));
    } else if (node instanceof UnresolvedView view) {
      named.tables().add(parts(view.multipartIdentifier()));
    } else if (node instanceof UnresolvedNamespace namespace) {
      List<String> parts = parts(namespace.multipartIdentifier());
      if (!parts.isEmpty()) {
        named.databases().add(parts.get(parts.size() - 1));
      }
    }
    if (node instanceof RelationTimeTravel travel) {
      // VERSION AS OF / TIMESTAMP AS OF: the table is a field of the node, not a child.
      walk(travel.relation(), named);
    }
    if (node instanceof LogicalPlan plan) {
      for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
        walk(child, named);
      }
    }
    for (Object inner : JavaConverters.seqAsJavaList(node.innerChildren())) {
      if (inner instanceof QueryPlan<?> innerPlan) {
        walk(innerPlan, named);
      }
    }
    for (Expression expression : JavaConverters.seqAsJavaList(node.expressions())) {
      walkExpression(expression, named);
    }
  }

  private static void walkExpression(Expression expression, Named named) {
    if (expression instanceof SubqueryExpression subquery) {
      walk(subquery.plan(), named);
    }
    for (Expression child : JavaConverters.seqAsJavaList(expression.children())) {
      walkExpression(child, named);
    }
  }

  private static List<String> parts(Seq<String> identifier) {
    return List.copyOf(JavaConverters.seqAsJavaList(identifier));
  }
}
