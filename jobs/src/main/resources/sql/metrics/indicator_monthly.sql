-- Grain: one row per indicator, region (province, city, county, unit) and period.
-- Inputs: county_months, unit_months, regions, units.
--   value_month       the month; cities and provinces are the sums of their counties, null
--                     when the month of one of them is unknown
--   value_ytd         January to this month of the same year (累计); null when a month in it is
--                     unknown; months never delivered are not in it
--   value_month_ly    the same month last year; null when that month was never delivered
--   value_ytd_ly      value_ytd of the same month last year
--   yoy_month_pct     (value_month - value_month_ly) / value_month_ly * 100; null when last year
--                     is missing or 0 (同比)
--   yoy_ytd_pct       the same for the year to date
--   share_ytd_pct     value_ytd / the province's value_ytd * 100, same indicator and period
--   share_ytd_ly_pct  value_ytd_ly / the province's value_ytd_ly * 100
--   share_change_pp   share_ytd_pct - share_ytd_ly_pct, in percentage points
-- Revisions replace silver rows, so last year's figures here are always the latest base (可比口径).
WITH months AS (
  SELECT m.indicator, m.currency, 'county' AS region_level, g.county_code AS region_code,
         g.county_name AS region_name, g.province_code, m.period, m.value_month
  FROM county_months m
  JOIN regions g ON g.county_code = m.county_code
  UNION ALL
  SELECT m.indicator, m.currency, 'city', g.city_code, MAX(g.city_name), g.province_code,
         m.period,
         CASE WHEN COUNT(m.value_month) = COUNT(*) THEN SUM(m.value_month) END
  FROM county_months m
  JOIN regions g ON g.county_code = m.county_code
  GROUP BY m.indicator, m.currency, g.city_code, g.province_code, m.period
  UNION ALL
  SELECT m.indicator, m.currency, 'province', g.province_code, MAX(g.province_name),
         g.province_code, m.period,
         CASE WHEN COUNT(m.value_month) = COUNT(*) THEN SUM(m.value_month) END
  FROM county_months m
  JOIN regions g ON g.county_code = m.county_code
  GROUP BY m.indicator, m.currency, g.province_code, m.period
  UNION ALL
  SELECT m.indicator, m.currency, 'unit', u.unit_code, u.unit_name, g.province_code,
         m.period, m.value_month
  FROM unit_months m
  JOIN units u ON u.unit_code = m.unit_code
  JOIN regions g ON g.county_code = u.county_code
),
year_to_date AS (
  SELECT
    *,
    CAST(period DIV 100 AS INT) AS year,
    CAST(period % 100 AS INT) AS month,
    SUM(value_month) OVER to_date AS sum_to_date,
    COUNT(value_month) OVER to_date AS known_months,
    COUNT(*) OVER to_date AS delivered_months
  FROM months
  WINDOW to_date AS (
    PARTITION BY indicator, region_level, region_code, period DIV 100
    ORDER BY period
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
figures AS (
  SELECT
    indicator, currency, region_level, region_code, region_name, province_code,
    period, year, month, value_month,
    CASE WHEN known_months = delivered_months THEN sum_to_date END AS value_ytd
  FROM year_to_date
),
with_last_year AS (
  SELECT
    t.*,
    ly.value_month AS value_month_ly,
    ly.value_ytd AS value_ytd_ly
  FROM figures t
  LEFT JOIN figures ly
    ON ly.indicator = t.indicator
   AND ly.region_level = t.region_level
   AND ly.region_code = t.region_code
   AND ly.year = t.year - 1
   AND ly.month = t.month
),
province AS (
  SELECT indicator, region_code AS province_code, period,
         value_ytd AS province_ytd, value_ytd_ly AS province_ytd_ly
  FROM with_last_year
  WHERE region_level = 'province'
)
SELECT
  t.indicator,
  t.region_level,
  t.region_code,
  t.region_name,
  t.period,
  t.year,
  t.month,
  CAST(t.value_month AS DECIMAL(24, 2)) AS value_month,
  CAST(t.value_ytd AS DECIMAL(24, 2)) AS value_ytd,
  CAST(t.value_month_ly AS DECIMAL(24, 2)) AS value_month_ly,
  CAST(t.value_ytd_ly AS DECIMAL(24, 2)) AS value_ytd_ly,
  CASE WHEN t.value_month_ly <> 0
       THEN CAST(t.value_month - t.value_month_ly AS DOUBLE) / CAST(t.value_month_ly AS DOUBLE) * 100
  END AS yoy_month_pct,
  CASE WHEN t.value_ytd_ly <> 0
       THEN CAST(t.value_ytd - t.value_ytd_ly AS DOUBLE) / CAST(t.value_ytd_ly AS DOUBLE) * 100
  END AS yoy_ytd_pct,
  CASE WHEN p.province_ytd <> 0
       THEN CAST(t.value_ytd AS DOUBLE) / CAST(p.province_ytd AS DOUBLE) * 100
  END AS share_ytd_pct,
  CASE WHEN p.province_ytd_ly <> 0
       THEN CAST(t.value_ytd_ly AS DOUBLE) / CAST(p.province_ytd_ly AS DOUBLE) * 100
  END AS share_ytd_ly_pct,
  CASE WHEN p.province_ytd <> 0 AND p.province_ytd_ly <> 0
       THEN CAST(t.value_ytd AS DOUBLE) / CAST(p.province_ytd AS DOUBLE) * 100
          - CAST(t.value_ytd_ly AS DOUBLE) / CAST(p.province_ytd_ly AS DOUBLE) * 100
  END AS share_change_pp,
  t.currency
FROM with_last_year t
LEFT JOIN province p
  ON p.indicator = t.indicator AND p.province_code = t.province_code AND p.period = t.period
