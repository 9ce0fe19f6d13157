-- report.`数据修订`: one row per county, indicator and month whose figures or rank changed between
-- the last two runs that rebuilt the gold figures — what a revised delivery (a month delivered
-- again) changed: the month itself, and the year to date and ranks of the months after it.
-- The two runs and the Delta versions each wrote are read from ops.job_runs when the view is
-- created (修订前运行, 修订后运行); the figures are read at those versions (time travel).
WITH before AS (
  SELECT indicator, region_code, region_name, period, value_month, value_ytd
  FROM gold.indicator_monthly VERSION AS OF ${before.gold.indicator_monthly}
  WHERE region_level = 'county'
),
after AS (
  SELECT indicator, region_code, region_name, period, value_month, value_ytd
  FROM gold.indicator_monthly VERSION AS OF ${after.gold.indicator_monthly}
  WHERE region_level = 'county'
),
rank_before AS (
  SELECT indicator, region_code, period, rank
  FROM gold.indicator_rank VERSION AS OF ${before.gold.indicator_rank}
  WHERE measure = 'ytd_value'
),
rank_after AS (
  SELECT indicator, region_code, period, rank
  FROM gold.indicator_rank VERSION AS OF ${after.gold.indicator_rank}
  WHERE measure = 'ytd_value'
),
compared AS (
  SELECT
    a.indicator, a.region_code, a.region_name, a.period,
    b.value_month AS month_before, a.value_month AS month_after,
    b.value_ytd AS ytd_before, a.value_ytd AS ytd_after,
    rb.rank AS rank_before, ra.rank AS rank_after
  FROM after a
  JOIN before b
    ON b.indicator = a.indicator AND b.region_code = a.region_code AND b.period = a.period
  LEFT JOIN rank_before rb
    ON rb.indicator = a.indicator AND rb.region_code = a.region_code AND rb.period = a.period
  LEFT JOIN rank_after ra
    ON ra.indicator = a.indicator AND ra.region_code = a.region_code AND ra.period = a.period
)
SELECT
  region_code AS `县市区代码`,
  region_name AS `县市区`,
  indicator AS `指标代码`,
  period AS `月份`,
  month_before AS `修订前本月`,
  month_after AS `修订后本月`,
  ytd_before AS `修订前累计`,
  ytd_after AS `修订后累计`,
  ytd_after - ytd_before AS `累计变化`,
  rank_before AS `修订前全省排名`,
  rank_after AS `修订后全省排名`,
  rank_before - rank_after AS `排名变化`,
  '${before.run_id}' AS `修订前运行`,
  '${after.run_id}' AS `修订后运行`
FROM compared
WHERE NOT (month_before <=> month_after)
   OR NOT (ytd_before <=> ytd_after)
   OR NOT (rank_before <=> rank_after)
