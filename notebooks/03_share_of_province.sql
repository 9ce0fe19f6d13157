-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 占全省比重走势
-- MAGIC
-- MAGIC Deqing's share of the province's year-to-date value, month by month, and its change on the
-- MAGIC same month last year in percentage points (比重增减) — the target asks for a rising share of
-- MAGIC the province's exports.

-- COMMAND ----------

SELECT `月份`, `指标`, `累计`, round(`占全省比重`, 3) AS `占全省比重`,
       round(`比重增减`, 3) AS `比重增减`, `全省排名`
FROM report.`各县主要指标`
WHERE `县市区代码` = '330521' AND `指标代码` IN ('export', 'retail_sales', 'fdi_actual')
ORDER BY `指标代码`, `月份`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 全年比较
-- MAGIC December's share, year against year.

-- COMMAND ----------

SELECT `指标`, `月份` DIV 100 AS `年份`, round(`占全省比重`, 3) AS `年末占全省比重`,
       round(`比重增减`, 3) AS `比上年增减`
FROM report.`各县主要指标`
WHERE `县市区代码` = '330521' AND `月份` % 100 = 12
ORDER BY `指标代码`, `年份`
