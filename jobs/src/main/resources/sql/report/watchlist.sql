-- report.`企业监测`: one row per enterprise, county and month in which the enterprise's exports
-- stopped (停止出口) or fell sharply on the same month last year (大幅下降) — 经营异常排查.
SELECT
  period AS `月份`,
  county_code AS `县市区代码`,
  county_name AS `县市区`,
  enterprise_id AS `统一社会信用代码`,
  enterprise_name AS `企业名称`,
  CASE reason WHEN 'stopped' THEN '停止出口' WHEN 'sharp_drop' THEN '大幅下降' ELSE reason END
    AS `原因`,
  value_month AS `本月`,
  value_prev_month AS `上月`,
  value_month_ly AS `去年同月`,
  yoy_month_pct AS `同比增长`,
  currency AS `币种`
FROM gold.enterprise_watchlist
