-- Grain: one row per rule, region, indicator and period that breaks the rule.
-- Inputs: indicator_monthly, indicator_rank, target_attainment, settings (which rules are on and
-- their thresholds, from metrics.alerts in the configuration).
--   negative_growth       a county or unit whose year-to-date growth is below 0:
--                         value = yoy_ytd_pct, threshold = 0
--   rank_fall             a county that fell at least rank_fall_places places in the province on
--                         the measure rank_fall_measure since the previous month:
--                         value = rank_change (negative), threshold = -rank_fall_places
--   behind_time_progress  a county or unit whose completion trails time progress (序时进度) by more
--                         than behind_pp points, as of the latest month delivered; of several
--                         targets of the same region, indicator and month the one furthest behind:
--                         value = ahead_pp, threshold = -behind_pp
--   share_falling         a county whose share of the province fell by more than share_fall_pp
--                         points on last year: value = share_change_pp, threshold = -share_fall_pp
WITH negative_growth AS (
  SELECT 'negative_growth' AS rule, m.region_level, m.region_code, m.region_name, m.indicator,
         m.period, m.yoy_ytd_pct AS value, CAST(0 AS DOUBLE) AS threshold,
         format_string('year-to-date growth %.1f%%', m.yoy_ytd_pct) AS message
  FROM indicator_monthly m
  CROSS JOIN settings s
  WHERE s.negative_growth_on
    AND m.region_level IN ('county', 'unit')
    AND m.yoy_ytd_pct < 0
),
rank_fall AS (
  SELECT 'rank_fall', 'county', r.region_code, r.region_name, r.indicator, r.period,
         CAST(r.rank_change AS DOUBLE), CAST(-s.rank_fall_places AS DOUBLE),
         format_string('%s rank %d of %d, down %d places', r.measure, r.rank, r.n_ranked,
                       -r.rank_change)
  FROM indicator_rank r
  CROSS JOIN settings s
  WHERE s.rank_fall_on
    AND r.measure = s.rank_fall_measure
    AND r.rank_change <= -s.rank_fall_places
),
behind_targets AS (
  SELECT
    a.*,
    ROW_NUMBER() OVER (
      PARTITION BY a.region_code, a.indicator, a.as_of_period
      ORDER BY a.ahead_pp ASC, a.target_period ASC, a.target_type ASC) AS worst_first
  FROM target_attainment a
  CROSS JOIN settings s
  WHERE s.behind_time_progress_on
    AND a.status <> 'met'
    AND a.ahead_pp < -s.behind_pp
),
behind_time_progress AS (
  SELECT 'behind_time_progress', a.region_level, a.region_code, a.region_name, a.indicator,
         a.as_of_period, a.ahead_pp, -s.behind_pp,
         format_string('target %d (%s): completion %.1f%%, time progress %.1f%%, %.1f pp behind',
                       a.target_period, a.target_type, a.completion_pct, a.time_progress_pct,
                       -a.ahead_pp)
  FROM behind_targets a
  CROSS JOIN settings s
  WHERE a.worst_first = 1
),
share_falling AS (
  SELECT 'share_falling', m.region_level, m.region_code, m.region_name, m.indicator, m.period,
         m.share_change_pp, -s.share_fall_pp,
         format_string('share of the province %.2f%%, %+.2f pp on last year', m.share_ytd_pct,
                       m.share_change_pp)
  FROM indicator_monthly m
  CROSS JOIN settings s
  WHERE s.share_falling_on
    AND m.region_level = 'county'
    AND m.share_change_pp < -s.share_fall_pp
)
SELECT * FROM negative_growth
UNION ALL SELECT * FROM rank_fall
UNION ALL SELECT * FROM behind_time_progress
UNION ALL SELECT * FROM share_falling
