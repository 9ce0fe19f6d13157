-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 企业监测（经营异常排查）
-- MAGIC
-- MAGIC Deqing's exporters whose exports stopped or fell sharply on the same month last year, the
-- MAGIC latest month first; then how many were flagged each month, by reason.

-- COMMAND ----------

SELECT `月份`, `企业名称`, `统一社会信用代码`, `原因`, `本月`, `上月`, `去年同月`,
       round(`同比增长`, 1) AS `同比增长`, `币种`
FROM report.`企业监测`
WHERE `县市区代码` = '330521'
ORDER BY `月份` DESC, `去年同月` DESC
LIMIT 50

-- COMMAND ----------

SELECT `月份`, `原因`, count(*) AS `企业数`, sum(`去年同月`) AS `去年同月合计`
FROM report.`企业监测`
WHERE `县市区代码` = '330521'
GROUP BY `月份`, `原因`
ORDER BY `月份`, `原因`
