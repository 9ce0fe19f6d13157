-- Grain: one row per unit (town, street or platform) target: county, indicator, target period,
-- target type and unit.
-- Inputs: target_attainment (its unit rows), units, regions, settings (gold_count, snail_count).
-- Units of the same county are ranked on completion_pct of their decomposed targets with SQL
-- RANK() descending (ties share a rank); a unit without a completion is not ranked or counted.
--   badge  'gold' (金牌) for rank <= gold_count; otherwise 'snail' (蜗牛, red card) for the bottom
--          snail_count, counted from the bottom with RANK() ascending; null for the rest
WITH unit_targets AS (
  SELECT
    u.county_code, g.county_name, a.region_code AS unit_code, u.unit_name, u.unit_type,
    a.indicator, a.target_period, a.target_type, a.as_of_period,
    a.completion_pct, a.time_progress_pct, a.ahead_pp, a.status
  FROM target_attainment a
  JOIN units u ON u.unit_code = a.region_code
  JOIN regions g ON g.county_code = u.county_code
  WHERE a.region_level = 'unit'
),
ranked AS (
  SELECT
    *,
    CASE WHEN completion_pct IS NOT NULL THEN RANK() OVER best_first END AS rank,
    CASE WHEN completion_pct IS NOT NULL THEN RANK() OVER worst_first END AS rank_from_bottom,
    COUNT(completion_pct) OVER all_units AS n_ranked
  FROM unit_targets
  WINDOW
    best_first AS (PARTITION BY county_code, indicator, target_period, target_type
                   ORDER BY completion_pct DESC NULLS LAST),
    worst_first AS (PARTITION BY county_code, indicator, target_period, target_type
                    ORDER BY completion_pct ASC NULLS LAST),
    all_units AS (PARTITION BY county_code, indicator, target_period, target_type)
)
SELECT
  r.county_code,
  r.county_name,
  r.indicator,
  r.target_period,
  r.target_type,
  r.as_of_period,
  r.unit_code,
  r.unit_name,
  r.unit_type,
  r.completion_pct,
  r.time_progress_pct,
  r.ahead_pp,
  r.status,
  CAST(r.rank AS INT) AS rank,
  CAST(r.n_ranked AS INT) AS n_ranked,
  CASE
    WHEN r.rank <= s.gold_count THEN 'gold'
    WHEN r.rank_from_bottom <= s.snail_count THEN 'snail'
  END AS badge
FROM ranked r
CROSS JOIN settings s
