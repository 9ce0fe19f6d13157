-- Grain: one row per enterprise, county and checked month in which the enterprise's exports
-- stopped or fell sharply (经营异常排查).
-- Inputs: enterprise_months, delivered_periods, watch_periods (the months to check, all delivered
-- customs months on a full build), regions, settings (drop_pct, min_base_cny).
-- Amounts are those of enterprise_months.sql. A delivered month without lines for an enterprise
-- is 0; a month never delivered is unknown (null) and cannot raise a flag.
--   reason 'stopped'     nothing this month, after exports in the same month last year or in the
--                        previous month
--          'sharp_drop'  exports this month, down by more than drop_pct % on the same month last
--                        year: (value_month - value_month_ly) / value_month_ly * 100 < -drop_pct
--   The base (last year's month for sharp_drop, the larger of last year's and the previous month
--   for stopped) must be at least min_base_cny, so that small, irregular exporters do not flood it.
WITH delivered AS (
  SELECT period FROM delivered_periods WHERE source = 'customs_exports'
),
checked AS (
  SELECT w.period,
         CASE WHEN w.period % 100 = 1 THEN w.period - 89 ELSE w.period - 1 END AS previous_period,
         w.period - 100 AS period_ly
  FROM watch_periods w
  JOIN delivered d ON d.period = w.period
),
candidates AS (
  -- a month with exports can raise a flag in itself, in the next month and a year later
  SELECT DISTINCT x.enterprise_id, x.county_code, c.period, c.previous_period, c.period_ly
  FROM (
    SELECT enterprise_id, county_code,
           explode(array(
             period,
             CASE WHEN period % 100 = 12 THEN period + 89 ELSE period + 1 END,
             period + 100)) AS checked_period
    FROM enterprise_months
  ) x
  JOIN checked c ON c.period = x.checked_period
),
amounts AS (
  SELECT
    c.enterprise_id,
    c.county_code,
    c.period,
    COALESCE(now.value_cny, 0) AS value_month,
    CASE WHEN dp.period IS NOT NULL THEN COALESCE(prev.value_cny, 0) END AS value_prev_month,
    CASE WHEN dl.period IS NOT NULL THEN COALESCE(ly.value_cny, 0) END AS value_month_ly,
    COALESCE(now.enterprise_name, prev.enterprise_name, ly.enterprise_name) AS enterprise_name
  FROM candidates c
  LEFT JOIN enterprise_months now
    ON now.enterprise_id = c.enterprise_id AND now.county_code = c.county_code
   AND now.period = c.period
  LEFT JOIN enterprise_months prev
    ON prev.enterprise_id = c.enterprise_id AND prev.county_code = c.county_code
   AND prev.period = c.previous_period
  LEFT JOIN enterprise_months ly
    ON ly.enterprise_id = c.enterprise_id AND ly.county_code = c.county_code
   AND ly.period = c.period_ly
  LEFT JOIN delivered dp ON dp.period = c.previous_period
  LEFT JOIN delivered dl ON dl.period = c.period_ly
),
growth AS (
  SELECT
    *,
    CASE WHEN value_month_ly <> 0
         THEN CAST(value_month - value_month_ly AS DOUBLE) / CAST(value_month_ly AS DOUBLE) * 100
    END AS yoy_month_pct,
    GREATEST(COALESCE(value_month_ly, 0), COALESCE(value_prev_month, 0)) AS stop_base
  FROM amounts
),
flagged AS (
  SELECT
    a.*,
    CASE
      WHEN a.value_month = 0 AND a.stop_base > 0 AND a.stop_base >= s.min_base_cny
        THEN 'stopped'
      WHEN a.value_month > 0 AND a.value_month_ly >= s.min_base_cny
       AND a.yoy_month_pct < -s.drop_pct
        THEN 'sharp_drop'
    END AS reason
  FROM growth a
  CROSS JOIN settings s
)
SELECT
  f.period,
  f.enterprise_id,
  f.enterprise_name,
  f.county_code,
  g.county_name,
  f.reason,
  CAST(f.value_month AS DECIMAL(24, 2)) AS value_month,
  CAST(f.value_prev_month AS DECIMAL(24, 2)) AS value_prev_month,
  CAST(f.value_month_ly AS DECIMAL(24, 2)) AS value_month_ly,
  f.yoy_month_pct,
  'CNY' AS currency
FROM flagged f
LEFT JOIN regions g ON g.county_code = f.county_code
WHERE f.reason IS NOT NULL
