package io.saima.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.saima.catalog.ScoringTables;
import io.saima.scoring.Scheme.Indicator;
import io.saima.scoring.Scheme.Measure;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Explanations for the bulletin: against the county ranked directly above, which indicator and
 * sub-score cost a county the most points ({@link ScoringTables#SCORE_GAPS}).
 */
public final class ScoreGaps {
  private ScoreGaps() {}

  /** The score gaps of every ranked county; the scheme gives the measure weights and the scope. */
  public static Dataset<Row> explain(Scheme scheme, Dataset<Row> scores, Dataset<Row> ranking) {
    Column pool =
        scheme.scope() == Scheme.Scope.PROVINCE ? lit("province") : col("competition_group");
    Dataset<Row> own =
        ranking.select(
            col("scheme"),
            col("period"),
            col("region_code"),
            col("region_name"),
            col("rank"),
            col("total_score"),
            col("progress_bonus"),
            pool.as("pool"));
    Dataset<Row> candidates =
        own.select(
            col("scheme").as("a_scheme"),
            col("period").as("a_period"),
            col("pool").as("a_pool"),
            col("region_code").as("above_region_code"),
            col("region_name").as("above_region_name"),
            col("rank").as("above_rank"),
            col("total_score").as("above_total_score"),
            col("progress_bonus").as("above_progress_bonus"));
    Dataset<Row> pairs =
        own.join(
                candidates,
                col("a_scheme")
                    .equalTo(col("scheme"))
                    .and(col("a_period").equalTo(col("period")))
                    .and(col("a_pool").equalTo(col("pool")))
                    .and(col("above_total_score").gt(col("total_score").plus(ScoreEngine.TIE))))
            .withColumn(
                "nearest",
                row_number()
                    .over(
                        Window.partitionBy("scheme", "period", "region_code")
                            .orderBy(col("above_total_score"), col("above_region_code"))))
            .filter(col("nearest").equalTo(1))
            .drop("nearest", "a_scheme", "a_period", "a_pool", "pool");

    String stack =
        "stack("
            + SchemeLoader.MEASURES.size()
            + ", "
            + String.join(
                ", ",
                SchemeLoader.MEASURES.stream().map(m -> "'" + m + "', " + m + "_score").toList())
            + ") AS (measure, sub_score)";
    Dataset<Row> subScores =
        scores
            .select(
                col("scheme"),
                col("period"),
                col("region_code"),
                col("indicator"),
                col("indicator_weight"),
                expr(stack))
            .filter(col("sub_score").isNotNull());
    Dataset<Row> weights = measureWeights(scheme, scores);
    Dataset<Row> weighted =
        subScores
            .join(
                weights,
                col("w_indicator")
                    .equalTo(col("indicator"))
                    .and(col("w_measure").equalTo(col("measure"))))
            .withColumn("weight_in_total", col("indicator_weight").multiply(col("measure_weight")))
            .select(
                "scheme",
                "period",
                "region_code",
                "indicator",
                "measure",
                "weight_in_total",
                "sub_score");
    Dataset<Row> aboveScores =
        weighted.select(
            col("scheme").as("b_scheme"),
            col("period").as("b_period"),
            col("region_code").as("b_region_code"),
            col("indicator").as("b_indicator"),
            col("measure").as("b_measure"),
            col("sub_score").as("above_sub_score"));
    Dataset<Row> ownScores =
        weighted
            .withColumnRenamed("scheme", "o_scheme")
            .withColumnRenamed("period", "o_period")
            .withColumnRenamed("region_code", "o_region_code");
    Dataset<Row> measureRows =
        pairs
            .join(
                ownScores,
                col("o_scheme")
                    .equalTo(col("scheme"))
                    .and(col("o_period").equalTo(col("period")))
                    .and(col("o_region_code").equalTo(col("region_code"))))
            .join(
                aboveScores,
                col("b_scheme")
                    .equalTo(col("scheme"))
                    .and(col("b_period").equalTo(col("period")))
                    .and(col("b_region_code").equalTo(col("above_region_code")))
                    .and(col("b_indicator").equalTo(col("indicator")))
                    .and(col("b_measure").equalTo(col("measure"))))
            .withColumn(
                "points_gap",
                col("weight_in_total").multiply(col("above_sub_score").minus(col("sub_score"))));
    List<Column> columns = new ArrayList<>();
    for (String name : ScoringTables.SCORE_GAPS.schema().fieldNames()) {
      if (!name.equals("cost_rank")) {
        columns.add(col(name));
      }
    }
    Dataset<Row> all =
        measureRows
            .withColumn("total_gap", col("above_total_score").minus(col("total_score")))
            .select(columns.toArray(Column[]::new));
    if (scheme.hasProgressBonus()) {
      Dataset<Row> bonusRows =
          pairs
              .withColumn("total_gap", col("above_total_score").minus(col("total_score")))
              .withColumn("indicator", lit("progress_bonus"))
              .withColumn("measure", lit("progress_bonus"))
              .withColumn("weight_in_total", lit(1.0))
              .withColumn("sub_score", col("progress_bonus"))
              .withColumn("above_sub_score", col("above_progress_bonus"))
              .withColumn("points_gap", col("above_progress_bonus").minus(col("progress_bonus")))
              .select(columns.toArray(Column[]::new));
      all = all.unionByName(bonusRows);
    }
    return all.withColumn(
        "cost_rank",
        row_number()
            .over(
                Window.partitionBy("scheme", "period", "region_code")
                    .orderBy(col("points_gap").desc(), col("indicator"), col("measure"))));
  }

  private static Dataset<Row> measureWeights(Scheme scheme, Dataset<Row> like) {
    List<Row> rows = new ArrayList<>();
    for (Indicator indicator : scheme.indicators()) {
      for (Measure measure : indicator.measures()) {
        rows.add(RowFactory.create(indicator.name(), measure.column(), measure.weight()));
      }
    }
    StructType schema =
        new StructType()
            .add("w_indicator", DataTypes.StringType, false)
            .add("w_measure", DataTypes.StringType, false)
            .add("measure_weight", DataTypes.DoubleType, false);
    return like.sparkSession().createDataFrame(rows, schema);
  }
}
