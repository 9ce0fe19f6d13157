-- Grain: one row per target of silver.targets (region, indicator, target period, target type).
-- Inputs: targets, indicators, delivered_periods, indicator_monthly, regions, units.
--
-- A target with target_period YYYYMM covers the window January..MM of YYYY (202006: the first
-- half, 半年红; 202012: the year, 全年红). It is measured as of the latest month delivered for the
-- indicator's source inside that window (as_of_period, month m); later months of the year do not
-- count for it.
--   actual_value        value_ytd at the as-of month (January..m)
--   actual_growth_pct   yoy_ytd_pct at the as-of month
--   target_amount       the money the target means:
--                         value targets:      target_value
--                         growth_pct targets: last year's January..MM total x (1 + target_value/100)
--   completion_pct      actual_value / target_amount * 100
--   time_progress_pct   序时进度: m / MM * 100 (m/12 for a full-year target, m/6 for 202006)
--   ahead_pp            completion_pct - time_progress_pct
--   gap_value           target_amount - actual_value, and 0 once the target is reached
--   required_growth_pct the growth the remaining months m+1..MM need over the same months last
--                       year: ((target_amount - actual_value) / (last year's January..MM
--                       - last year's January..m) - 1) * 100 (DOMAIN.md, "Growth needed for the
--                       target"); null when no month remains or last year's rest is 0 or missing
--   status              no_data   nothing delivered in the window, or no figure for the region
--                       value targets:  met      actual_value >= target_amount (amounts only grow
--                                                through the window, so it stays met)
--                                       behind   at the target's period and not met, or before
--                                                it with completion below time progress
--                                       on_track before the target's period, completion at or
--                                                above time progress
--                       growth targets: the year-to-date growth against the target growth;
--                                       met      at the target's period, growth >= target
--                                       behind   growth < target (at or before the period)
--                                       on_track before the period, growth >= target
--                                       (growth can still fall, so it is never met early)
WITH target AS (
  SELECT
    t.region_code, t.indicator, t.target_period, t.target_type, t.target_value,
    i.source, i.currency,
    CAST(t.target_period DIV 100 AS INT) AS target_year,
    CAST(t.target_period % 100 AS INT) AS window_months
  FROM targets t
  JOIN indicators i ON i.indicator = t.indicator
),
as_of AS (
  SELECT t.region_code, t.indicator, t.target_period, t.target_type, MAX(d.period) AS as_of_period
  FROM target t
  JOIN delivered_periods d
    ON d.source = t.source
   AND d.period BETWEEN t.target_year * 100 + 1 AND t.target_period
  GROUP BY t.region_code, t.indicator, t.target_period, t.target_type
),
region_names AS (
  SELECT county_code AS region_code, 'county' AS region_level, county_name AS region_name
  FROM regions
  UNION ALL
  SELECT unit_code, 'unit', unit_name FROM units
),
measured AS (
  SELECT
    t.*,
    a.as_of_period,
    CAST(a.as_of_period % 100 AS INT) AS as_of_month,
    n.region_level,
    n.region_name,
    now.value_ytd AS actual_value,
    now.yoy_ytd_pct AS actual_growth_pct,
    now.value_ytd_ly AS ly_to_date,
    ly_window.value_ytd AS ly_window_value
  FROM target t
  LEFT JOIN as_of a
    ON a.region_code = t.region_code AND a.indicator = t.indicator
   AND a.target_period = t.target_period AND a.target_type = t.target_type
  LEFT JOIN region_names n ON n.region_code = t.region_code
  LEFT JOIN indicator_monthly now
    ON now.indicator = t.indicator AND now.region_code = t.region_code
   AND now.period = a.as_of_period
  LEFT JOIN indicator_monthly ly_window
    ON ly_window.indicator = t.indicator AND ly_window.region_code = t.region_code
   AND ly_window.period = t.target_period - 100
),
amounts AS (
  SELECT
    *,
    CAST(CASE
      WHEN target_type = 'value' THEN target_value
      WHEN target_type = 'growth_pct'
        THEN ROUND(CAST(ly_window_value AS DECIMAL(26, 2)) * (100 + target_value) / 100, 2)
    END AS DECIMAL(24, 2)) AS target_amount
  FROM measured
),
progress AS (
  SELECT
    *,
    CASE WHEN target_amount <> 0
         THEN CAST(actual_value AS DOUBLE) / CAST(target_amount AS DOUBLE) * 100
    END AS completion_pct,
    CASE WHEN as_of_month IS NOT NULL
         THEN CAST(as_of_month AS DOUBLE) / window_months * 100
    END AS time_progress_pct
  FROM amounts
)
SELECT
  region_code,
  region_level,
  region_name,
  indicator,
  target_period,
  target_type,
  target_value,
  as_of_period,
  target_amount,
  CAST(actual_value AS DECIMAL(24, 2)) AS actual_value,
  actual_growth_pct,
  completion_pct,
  time_progress_pct,
  completion_pct - time_progress_pct AS ahead_pp,
  CASE
    WHEN as_of_period IS NULL THEN 'no_data'
    WHEN target_type = 'value' THEN
      CASE
        WHEN actual_value IS NULL OR target_amount IS NULL THEN 'no_data'
        WHEN actual_value >= target_amount THEN 'met'
        WHEN as_of_period = target_period THEN 'behind'
        WHEN completion_pct >= time_progress_pct THEN 'on_track'
        ELSE 'behind'
      END
    ELSE
      CASE
        WHEN actual_growth_pct IS NULL THEN 'no_data'
        WHEN actual_growth_pct < CAST(target_value AS DOUBLE) THEN 'behind'
        WHEN as_of_period = target_period THEN 'met'
        ELSE 'on_track'
      END
  END AS status,
  CAST(CASE
    WHEN target_amount IS NULL OR actual_value IS NULL THEN NULL
    WHEN target_amount > actual_value THEN target_amount - actual_value
    ELSE 0
  END AS DECIMAL(24, 2)) AS gap_value,
  CASE
    WHEN as_of_period < target_period AND ly_window_value - ly_to_date <> 0
      THEN (CAST(target_amount - actual_value AS DOUBLE)
            / CAST(ly_window_value - ly_to_date AS DOUBLE) - 1) * 100
  END AS required_growth_pct,
  currency
FROM progress
