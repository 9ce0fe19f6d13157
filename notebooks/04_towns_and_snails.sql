-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 镇街排名与“蜗牛”
-- MAGIC
-- MAGIC Deqing's towns, streets and platforms ranked on the completion of their share of the
-- MAGIC county's targets, as of the latest month; 金牌 for the best, 蜗牛 (red card) for the bottom.

-- COMMAND ----------

SELECT `指标`, `目标月份`, `截至月份`, `排名`, `镇街`, `类型`, round(`完成率`, 1) AS `完成率`,
       round(`序时进度`, 1) AS `序时进度`, round(`超欠进度`, 1) AS `超欠进度`, `称号`
FROM report.`镇街排名`
WHERE `县市区代码` = '330521'
ORDER BY `指标代码`, `目标月份`, `排名`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 蜗牛
-- MAGIC The units called in: the bottom of each ranking.

-- COMMAND ----------

SELECT `指标`, `目标月份`, `镇街`, `排名`, `参与排名数`, round(`完成率`, 1) AS `完成率`
FROM report.`镇街排名`
WHERE `县市区代码` = '330521' AND `称号` = '蜗牛'
ORDER BY `指标代码`, `目标月份`, `排名`
