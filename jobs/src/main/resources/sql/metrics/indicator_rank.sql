-- Grain: one row per indicator, period, measure and county.
-- Inputs: indicator_monthly (the county rows of the periods to rank and of the month before each),
-- regions.
-- Measures: ytd_value = value_ytd, ytd_yoy = yoy_ytd_pct, share_change = share_change_pp.
--   rank               SQL RANK() descending among the counties of the same province: ties share a
--                      rank and the next rank skips (1, 2, 2, 4)
--   rank_in_group      the same within the county's competition_group
--   n_ranked(_in_group) how many counties have a value; a county whose value is null has no rank
--                      and is not counted
--   rank_change        the previous month's rank (same year) minus this one: positive means the
--                      county climbed; null in January and when either rank is null
WITH county AS (
  SELECT
    m.indicator, m.period, m.month, m.region_code, g.county_name AS region_name,
    g.competition_group, g.province_code,
    CAST(m.value_ytd AS DOUBLE) AS ytd_value,
    m.yoy_ytd_pct AS ytd_yoy,
    m.share_change_pp AS share_change
  FROM indicator_monthly m
  JOIN regions g ON g.county_code = m.region_code
  WHERE m.region_level = 'county'
),
measures AS (
  SELECT indicator, period, month, region_code, region_name, competition_group, province_code,
         measure, value
  FROM county
  LATERAL VIEW stack(3, 'ytd_value', ytd_value, 'ytd_yoy', ytd_yoy,
                        'share_change', share_change) s AS measure, value
),
ranked AS (
  SELECT
    *,
    CASE WHEN value IS NOT NULL THEN RANK() OVER in_province END AS rank,
    CASE WHEN value IS NOT NULL THEN RANK() OVER in_group END AS rank_in_group,
    COUNT(value) OVER all_in_province AS n_ranked,
    COUNT(value) OVER all_in_group AS n_ranked_in_group
  FROM measures
  WINDOW
    in_province AS (PARTITION BY indicator, period, measure, province_code
                    ORDER BY value DESC NULLS LAST),
    in_group AS (PARTITION BY indicator, period, measure, province_code, competition_group
                 ORDER BY value DESC NULLS LAST),
    all_in_province AS (PARTITION BY indicator, period, measure, province_code),
    all_in_group AS (PARTITION BY indicator, period, measure, province_code, competition_group)
)
SELECT
  r.indicator,
  r.period,
  r.measure,
  r.region_code,
  r.region_name,
  r.competition_group,
  r.value,
  CAST(r.rank AS INT) AS rank,
  CAST(r.rank_in_group AS INT) AS rank_in_group,
  CAST(r.n_ranked AS INT) AS n_ranked,
  CAST(r.n_ranked_in_group AS INT) AS n_ranked_in_group,
  CAST(CASE WHEN r.month > 1 THEN p.rank - r.rank END AS INT) AS rank_change
FROM ranked r
LEFT JOIN ranked p
  ON p.indicator = r.indicator
 AND p.measure = r.measure
 AND p.region_code = r.region_code
 AND p.period = r.period - 1
 AND r.month > 1
