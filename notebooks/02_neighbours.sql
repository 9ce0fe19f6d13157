-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 前后对手：德清县上一名与下一名
-- MAGIC
-- MAGIC For each indicator in its latest month, the county just above Deqing and the one just below
-- MAGIC in the province's ranking of the year to date, and by how much: 距前一名 is what Deqing
-- MAGIC would need to draw level with the county above, 领先后一名 its lead on the one below.

-- COMMAND ----------

WITH latest AS (
  SELECT `指标代码`, max(`月份`) AS `月份` FROM report.`各县主要指标` GROUP BY `指标代码`
),
ranked AS (
  SELECT m.*,
         lag(m.`县市区`) OVER w AS `前一名`,
         lag(m.`累计`) OVER w AS `前一名累计`,
         lead(m.`县市区`) OVER w AS `后一名`,
         lead(m.`累计`) OVER w AS `后一名累计`
  FROM report.`各县主要指标` m
  JOIN latest l ON l.`指标代码` = m.`指标代码` AND l.`月份` = m.`月份`
  WHERE m.`全省排名` IS NOT NULL
  WINDOW w AS (PARTITION BY m.`指标代码` ORDER BY m.`全省排名`, m.`县市区代码`)
)
SELECT `指标`, `月份`, `全省排名`, `累计`,
       `前一名`, `前一名累计` - `累计` AS `距前一名`,
       `后一名`, `累计` - `后一名累计` AS `领先后一名`, `币种`
FROM ranked
WHERE `县市区代码` = '330521'
ORDER BY `指标代码`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## 赛马总分的前后对手
-- MAGIC The same for the competition's total score under each scheme.

-- COMMAND ----------

WITH latest AS (SELECT `方案`, max(`月份`) AS `月份` FROM report.`赛马得分` GROUP BY `方案`),
ranked AS (
  SELECT s.*,
         lag(s.`县市区`) OVER w AS `前一名`,
         lag(s.`总分`) OVER w AS `前一名总分`,
         lead(s.`县市区`) OVER w AS `后一名`,
         lead(s.`总分`) OVER w AS `后一名总分`
  FROM report.`赛马得分` s
  JOIN latest l ON l.`方案` = s.`方案` AND l.`月份` = s.`月份`
  WINDOW w AS (PARTITION BY s.`方案` ORDER BY s.`全省排名`, s.`县市区代码`)
)
SELECT `方案`, `月份`, `全省排名`, round(`总分`, 2) AS `总分`,
       `前一名`, round(`前一名总分` - `总分`, 2) AS `距前一名`,
       `后一名`, round(`总分` - `后一名总分`, 2) AS `领先后一名`
FROM ranked
WHERE `县市区代码` = '330521'
ORDER BY `方案`
