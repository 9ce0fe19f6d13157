-- The peer's gold.indicator_rank, the last of its scripts (after indicator_monthly.sql).
--
-- Grain of the result (table indicator_rank): one row per indicator, month, measure and county of
-- regions.csv.
-- Measures: ytd_value = value_ytd (as a DOUBLE), ytd_yoy = yoy_ytd_pct,
-- share_change = share_change_pp.
--   rank               RANK() descending among the counties of the same province: ties share a
--                      rank and the next rank skips (1, 2, 2, 4); a county whose value is null has
--                      no rank
--   rank_in_group      the same within the county's competition_group
--   n_ranked(_in_group) how many counties have a value
--   rank_change        the previous month's rank (same year) minus this one, so positive means the
--                      county climbed; null in January and when either rank is null

CREATE OR REPLACE TABLE indicator_rank AS
WITH county AS (
  SELECT
    m.indicator, m.period, m.month, m.region_code, g.county_name AS region_name,
    g.competition_group, g.province_code,
    as_double(m.value_ytd) AS ytd_value,
    m.yoy_ytd_pct AS ytd_yoy,
    m.share_change_pp AS share_change
  FROM indicator_monthly AS m
  JOIN regions AS g ON g.county_code = m.region_code
  WHERE m.region_level = 'county'
),
measures AS (
  SELECT indicator, period, month, region_code, region_name, competition_group, province_code,
         'ytd_value' AS measure, ytd_value AS value
  FROM county
  UNION ALL
  SELECT indicator, period, month, region_code, region_name, competition_group, province_code,
         'ytd_yoy', ytd_yoy
  FROM county
  UNION ALL
  SELECT indicator, period, month, region_code, region_name, competition_group, province_code,
         'share_change', share_change
  FROM county
),
ranked AS (
  SELECT
    *,
    CASE WHEN value IS NOT NULL THEN rank() OVER in_province END AS rank,
    CASE WHEN value IS NOT NULL THEN rank() OVER in_group END AS rank_in_group,
    count(value) OVER all_in_province AS n_ranked,
    count(value) OVER all_in_group AS n_ranked_in_group
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
  CAST(r.rank AS INTEGER) AS rank,
  CAST(r.rank_in_group AS INTEGER) AS rank_in_group,
  CAST(r.n_ranked AS INTEGER) AS n_ranked,
  CAST(r.n_ranked_in_group AS INTEGER) AS n_ranked_in_group,
  CAST(CASE WHEN r.month > 1 THEN p.rank - r.rank END AS INTEGER) AS rank_change
FROM ranked AS r
-- Equalities only: a condition on r alone in ON (r.month > 1) turns DuckDB's hash join into a
-- nested loop over all pairs of rows; January is null by the CASE above (and YYYY00 is no month).
LEFT JOIN ranked AS p
  ON p.indicator = r.indicator
 AND p.measure = r.measure
 AND p.region_code = r.region_code
 AND p.period = r.period - 1;
