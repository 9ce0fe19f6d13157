-- The peer's gold.indicator_monthly, the second of its scripts (after silver.sql).
--
-- Grain of the result (table indicator_monthly): one row per indicator, region (province, city,
-- county of regions.csv; not towns) and month delivered by the indicator's source.
--   export             customs value_cny (出口总额, CNY)
--   export_usd         customs value_usd (USD), summed as given, never converted afterwards
--   cbec_export        customs value_cny of trade modes 9610, 9710, 9810, 1210 (跨境电商出口)
--   fdi_actual         actual_usd (实到外资, USD); contract_usd is not summed
--   retail_sales       retail_sales_cny (社零, CNY); online_retail: online_retail_cny (网零);
--                      the month as published, or for a county publishing January-to-month figures
--                      (basis 'ytd') month m = ytd(m) - ytd(m-1), January = ytd(1); unknown (null)
--                      when month m-1 was not published cumulatively
--   above_quota_sales  sales_cny (限上批零住餐, CNY)
--
-- Columns, as DESIGN.md ("Tables") defines them:
--   value_month       the county's lines summed; 0 in a delivered month without lines; a city or
--                     province is the sum of its counties, null when one of them is unknown
--   value_ytd         January to this month of the same year, over the delivered months; null
--                     when one of them is unknown
--   value_month_ly, value_ytd_ly   the same month last year; null when it was never delivered
--   yoy_month_pct, yoy_ytd_pct     (this - last year) / last year × 100; null when last year is
--                                  missing or 0
--   share_ytd_pct, share_ytd_ly_pct   value_ytd (last year's) / the province's × 100
--   share_change_pp                   share_ytd_pct - share_ytd_ly_pct
-- Percentages are DOUBLE computed from the exact DECIMAL figures; a DECIMAL is made a DOUBLE by way
-- of its text, which rounds correctly (as Java's BigDecimal.doubleValue, which Spark uses), where
-- DuckDB's direct cast of a 128-bit DECIMAL can be one unit in the last place away.

CREATE OR REPLACE MACRO as_double(amount) AS CAST(CAST(amount AS VARCHAR) AS DOUBLE);

CREATE OR REPLACE TABLE indicators AS
SELECT * FROM (VALUES
  ('export',            'customs_exports',   'CNY'),
  ('export_usd',        'customs_exports',   'USD'),
  ('cbec_export',       'customs_exports',   'CNY'),
  ('fdi_actual',        'fdi_inflows',       'USD'),
  ('retail_sales',      'retail_sales',      'CNY'),
  ('online_retail',     'retail_sales',      'CNY'),
  ('above_quota_sales', 'above_quota_sales', 'CNY')
) AS t(indicator, source, currency);

CREATE OR REPLACE TABLE indicator_monthly AS
WITH
retail_months AS (
  SELECT
    r.period,
    r.county_code,
    CASE
      WHEN r.basis <> 'ytd' THEN r.retail_sales_cny
      WHEN r.period % 100 = 1 THEN r.retail_sales_cny
      WHEN p.basis = 'ytd' THEN r.retail_sales_cny - p.retail_sales_cny
    END AS retail_sales,
    CASE
      WHEN r.basis <> 'ytd' THEN r.online_retail_cny
      WHEN r.period % 100 = 1 THEN r.online_retail_cny
      WHEN p.basis = 'ytd' THEN r.online_retail_cny - p.online_retail_cny
    END AS online_retail
  FROM retail_sales AS r
  -- Equalities only (a condition on r alone would make DuckDB join by nested loop); January is
  -- taken as published above, before p is looked at.
  LEFT JOIN retail_sales AS p
    ON p.county_code = r.county_code
   AND p.period = r.period - 1
),
county_sums AS (
  SELECT 'export' AS indicator, period, county_code, value_cny AS value_month FROM customs_months
  UNION ALL
  SELECT 'export_usd', period, county_code, value_usd FROM customs_months
  UNION ALL
  SELECT 'cbec_export', period, county_code, cbec_cny FROM customs_months
  UNION ALL
  SELECT 'fdi_actual', period, county_code, sum(actual_usd) FROM fdi_inflows
  GROUP BY period, county_code
  UNION ALL
  SELECT 'retail_sales', period, county_code, sum(retail_sales) FROM retail_months
  GROUP BY period, county_code
  UNION ALL
  SELECT 'online_retail', period, county_code, sum(online_retail) FROM retail_months
  GROUP BY period, county_code
  UNION ALL
  SELECT 'above_quota_sales', period, county_code, sum(sales_cny) FROM above_quota_sales
  GROUP BY period, county_code
),
-- Every county in every month its indicator's source delivered: 0 where it has no lines.
county_months AS (
  SELECT
    i.indicator,
    i.currency,
    d.period,
    g.county_code,
    CASE WHEN s.county_code IS NULL THEN 0 ELSE s.value_month END AS value_month
  FROM indicators AS i
  JOIN delivered_periods AS d ON d.source = i.source
  CROSS JOIN regions AS g
  LEFT JOIN county_sums AS s
    ON s.indicator = i.indicator AND s.period = d.period AND s.county_code = g.county_code
),
months AS (
  SELECT m.indicator, m.currency, 'county' AS region_level, g.county_code AS region_code,
         g.county_name AS region_name, g.province_code, m.period, m.value_month
  FROM county_months AS m
  JOIN regions AS g ON g.county_code = m.county_code
  UNION ALL
  SELECT m.indicator, m.currency, 'city', g.city_code, max(g.city_name), g.province_code,
         m.period,
         CASE WHEN count(m.value_month) = count(*) THEN sum(m.value_month) END
  FROM county_months AS m
  JOIN regions AS g ON g.county_code = m.county_code
  GROUP BY m.indicator, m.currency, g.city_code, g.province_code, m.period
  UNION ALL
  SELECT m.indicator, m.currency, 'province', g.province_code, max(g.province_name),
         g.province_code, m.period,
         CASE WHEN count(m.value_month) = count(*) THEN sum(m.value_month) END
  FROM county_months AS m
  JOIN regions AS g ON g.county_code = m.county_code
  GROUP BY m.indicator, m.currency, g.province_code, m.period
),
year_to_date AS (
  SELECT
    *,
    CAST(period // 100 AS INTEGER) AS year,
    CAST(period % 100 AS INTEGER) AS month,
    sum(value_month) OVER to_date AS sum_to_date,
    count(value_month) OVER to_date AS known_months,
    count(*) OVER to_date AS delivered_months
  FROM months
  WINDOW to_date AS (
    PARTITION BY indicator, region_level, region_code, period // 100
    ORDER BY period
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
figures AS (
  SELECT
    indicator, currency, region_level, region_code, region_name, province_code,
    period, year, month,
    CAST(value_month AS DECIMAL(24, 2)) AS value_month,
    CAST(CASE WHEN known_months = delivered_months THEN sum_to_date END AS DECIMAL(24, 2))
      AS value_ytd
  FROM year_to_date
),
with_last_year AS (
  SELECT
    t.*,
    ly.value_month AS value_month_ly,
    ly.value_ytd AS value_ytd_ly
  FROM figures AS t
  LEFT JOIN figures AS ly
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
  t.value_month,
  t.value_ytd,
  t.value_month_ly,
  t.value_ytd_ly,
  CASE WHEN t.value_month_ly <> 0
       THEN as_double(t.value_month - t.value_month_ly) / as_double(t.value_month_ly) * 100
  END AS yoy_month_pct,
  CASE WHEN t.value_ytd_ly <> 0
       THEN as_double(t.value_ytd - t.value_ytd_ly) / as_double(t.value_ytd_ly) * 100
  END AS yoy_ytd_pct,
  CASE WHEN p.province_ytd <> 0
       THEN as_double(t.value_ytd) / as_double(p.province_ytd) * 100
  END AS share_ytd_pct,
  CASE WHEN p.province_ytd_ly <> 0
       THEN as_double(t.value_ytd_ly) / as_double(p.province_ytd_ly) * 100
  END AS share_ytd_ly_pct,
  CASE WHEN p.province_ytd <> 0 AND p.province_ytd_ly <> 0
       THEN as_double(t.value_ytd) / as_double(p.province_ytd) * 100
          - as_double(t.value_ytd_ly) / as_double(p.province_ytd_ly) * 100
  END AS share_change_pp,
  t.currency
FROM with_last_year AS t
LEFT JOIN province AS p
  ON p.indicator = t.indicator AND p.province_code = t.province_code AND p.period = t.period;
