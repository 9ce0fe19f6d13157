-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 德清县本月主要指标与目标进度
-- MAGIC
-- MAGIC Deqing's (330521) indicators in the latest month delivered: the month, the year to date,
-- MAGIC growth on last year, share of the province and ranks — then where each target stands
-- MAGIC against time progress (序时进度). For another county, change `330521`.

-- COMMAND ----------

WITH latest AS (
  SELECT `指标代码`, max(`月份`) AS `月份`
  FROM report.`各县主要指标`
  WHERE `县市区代码` = '330521'
  GROUP BY `指标代码`
)
SELECT m.`指标`, m.`月份`, m.`本月`, m.`累计`, m.`同比增长`, m.`占全省比重`, m.`比重增减`,
       m.`全省排名`, m.`组内排名`, m.`排名变化`, m.`币种`
FROM report.`各县主要指标` m
JOIN latest l ON l.`指标代码` = m.`指标代码` AND l.`月份` = m.`月份`
WHERE m.`县市区代码` = '330521'
ORDER BY m.`指标代码`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 目标进度
-- MAGIC 完成率 against 序时进度: 超欠进度 is ahead (+) or behind (−) in points; 尚差 is what is left.

-- COMMAND ----------

SELECT `指标`, `目标月份`, `目标类型`, `目标值`, `截至月份`, `累计完成`, `完成率`, `序时进度`,
       `超欠进度`, `状态`, `尚差`, `剩余月份所需增速`
FROM report.`目标进度`
WHERE `地区代码` = '330521'
ORDER BY `指标代码`, `目标月份`, `目标类型`
