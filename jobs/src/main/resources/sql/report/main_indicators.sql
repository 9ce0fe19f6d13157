-- report.`各县主要指标`: one row per county, indicator and month, in the bulletin's words.
-- 本月 and 累计 are the month and January to this month; 同比增长 is the year to date against the
-- same months last year (%), 本月同比 the month's; 占全省比重 is the year to date as a share of the
-- province (%), 比重增减 its change on last year in percentage points; the ranks are those of the
-- year-to-date value among the province's counties (全省排名) and within the county's competition
-- group (组内排名); 排名变化 is last month's rank minus this one (positive: climbed).
WITH names AS (
  SELECT * FROM VALUES
    ${indicator_names}
    AS names(indicator, indicator_name)
),
ranks AS (
  SELECT indicator, period, region_code, rank, rank_in_group, rank_change
  FROM gold.indicator_rank
  WHERE measure = 'ytd_value'
)
SELECT
  m.region_code AS `县市区代码`,
  m.region_name AS `县市区`,
  m.indicator AS `指标代码`,
  coalesce(n.indicator_name, m.indicator) AS `指标`,
  m.period AS `月份`,
  m.value_month AS `本月`,
  m.value_ytd AS `累计`,
  m.yoy_month_pct AS `本月同比`,
  m.yoy_ytd_pct AS `同比增长`,
  m.share_ytd_pct AS `占全省比重`,
  m.share_change_pp AS `比重增减`,
  r.rank AS `全省排名`,
  r.rank_in_group AS `组内排名`,
  r.rank_change AS `排名变化`,
  m.currency AS `币种`
FROM gold.indicator_monthly m
LEFT JOIN names n ON n.indicator = m.indicator
LEFT JOIN ranks r
  ON r.indicator = m.indicator AND r.period = m.period AND r.region_code = m.region_code
WHERE m.region_level = 'county'
