-- report.`镇街排名`: one row per unit target (town, street or platform of a county), ranked by the
-- completion of the unit's share of the county's target. 称号: 金牌 for the best, 蜗牛 (red card)
-- for the bottom ones (metrics.unit_ranking in the configuration says how many).
WITH names AS (
  SELECT * FROM VALUES
    ${indicator_names}
    AS names(indicator, indicator_name)
)
SELECT
  county_code AS `县市区代码`,
  county_name AS `县市区`,
  indicator AS `指标代码`,
  coalesce(names.indicator_name, indicator) AS `指标`,
  target_period AS `目标月份`,
  as_of_period AS `截至月份`,
  unit_code AS `镇街代码`,
  unit_name AS `镇街`,
  CASE unit_type WHEN 'town' THEN '镇' WHEN 'street' THEN '街道' WHEN 'platform' THEN '平台'
    ELSE unit_type END AS `类型`,
  completion_pct AS `完成率`,
  time_progress_pct AS `序时进度`,
  ahead_pp AS `超欠进度`,
  rank AS `排名`,
  n_ranked AS `参与排名数`,
  CASE badge WHEN 'gold' THEN '金牌' WHEN 'snail' THEN '蜗牛' ELSE badge END AS `称号`
FROM gold.unit_ranking
LEFT JOIN names USING (indicator)
