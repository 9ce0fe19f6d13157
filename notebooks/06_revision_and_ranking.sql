-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 数据修订：修订前后的数字与排名
-- MAGIC
-- MAGIC A delivery that sends a month again replaces that month's figures; the next night rebuilds
-- MAGIC the month and the year to date of the months after it, and the ranks move. report.数据修订
-- MAGIC compares the last two runs that rebuilt the gold figures, at the Delta versions each run
-- MAGIC recorded in ops.job_runs — so it needs a night before the revision and the night that
-- MAGIC applies it. On the samples, whose March 2020 customs are delivered again on 15 June:
-- MAGIC
-- MAGIC     jobs/bin/saima nightly --as-of 2020-06-14 --warehouse ./warehouse-audit
-- MAGIC     jobs/bin/saima nightly --warehouse ./warehouse-audit
-- MAGIC     jobs/bin/saima sql --warehouse ./warehouse-audit -f notebooks/06_revision_and_ranking.sql

-- COMMAND ----------

SELECT run_id, command, finished_at, outcome,
       try_element_at(delta_versions, 'gold.indicator_monthly') AS indicator_monthly_version,
       try_element_at(delta_versions, 'gold.indicator_rank') AS indicator_rank_version
FROM ops.job_runs
WHERE map_contains_key(delta_versions, 'gold.indicator_monthly')
ORDER BY finished_at DESC
LIMIT 5

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 各县修订前后
-- MAGIC Every county and month whose year to date or rank changed.

-- COMMAND ----------

SELECT `月份`, `县市区`, `指标代码`, `修订前本月`, `修订后本月`, `修订前累计`, `修订后累计`,
       `累计变化`, `修订前全省排名`, `修订后全省排名`, `排名变化`
FROM report.`数据修订`
ORDER BY `指标代码`, `月份`, abs(`累计变化`) DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 排名变动的县
-- MAGIC Only the counties whose rank moved with the revision.

-- COMMAND ----------

SELECT `指标代码`, `月份`, count(*) AS `排名变动县数`, max(abs(`排名变化`)) AS `最大变动`
FROM report.`数据修订`
WHERE `排名变化` <> 0 OR `累计变化` <> 0
GROUP BY `指标代码`, `月份`
ORDER BY `指标代码`, `月份`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 直接用时间旅行
-- MAGIC Any two versions can be compared by hand: DESCRIBE HISTORY lists them.

-- COMMAND ----------

DESCRIBE HISTORY gold.indicator_rank
