-- report.`目标进度`: one row per target of a county or a unit (town, street, platform), as of the
-- latest month delivered. 完成率 is the share of the target done (%), 序时进度 the share of the
-- year gone (m/12, %), 超欠进度 the one minus the other in points; 尚差 is what is still to do.
-- 状态: 已完成 (met), 序时达标 (on track), 落后 (behind), 无数据 (no data).
WITH names AS (
  SELECT * FROM VALUES
    ${indicator_names}
    AS names(indicator, indicator_name)
)
SELECT
  region_code AS `地区代码`,
  region_name AS `地区`,
  CASE region_level WHEN 'county' THEN '县市区' WHEN 'unit' THEN '镇街' ELSE region_level END
    AS `层级`,
  indicator AS `指标代码`,
  coalesce(names.indicator_name, indicator) AS `指标`,
  target_period AS `目标月份`,
  CASE target_type WHEN 'value' THEN '总量' WHEN 'growth_pct' THEN '增速' ELSE target_type END
    AS `目标类型`,
  target_value AS `目标值`,
  target_amount AS `目标总量`,
  as_of_period AS `截至月份`,
  actual_value AS `累计完成`,
  actual_growth_pct AS `累计增长`,
  completion_pct AS `完成率`,
  time_progress_pct AS `序时进度`,
  ahead_pp AS `超欠进度`,
  CASE status
    WHEN 'met' THEN '已完成'
    WHEN 'on_track' THEN '序时达标'
    WHEN 'behind' THEN '落后'
    WHEN 'no_data' THEN '无数据'
    ELSE status
  END AS `状态`,
  gap_value AS `尚差`,
  required_growth_pct AS `剩余月份所需增速`,
  currency AS `币种`
FROM gold.target_attainment
LEFT JOIN names USING (indicator)
