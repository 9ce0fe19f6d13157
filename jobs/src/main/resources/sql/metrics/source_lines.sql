-- Grain: one row per indicator, month, county and town code as the source lines give them, with the
-- sum of their amounts and how many lines there are (a retail line has no town).
--   export             customs value_cny
--   export_usd         customs value_usd
--   cbec_export        customs value_cny of trade modes 9610, 9710, 9810, 1210 (跨境电商)
--   fdi_actual         actual_usd (实到外资; contract_usd is a different figure and is not summed)
--   above_quota_sales  sales_cny
--   retail_sales, online_retail: the month as published; a county publishing January-to-month
--     cumulative figures (basis = 'ytd') gets month m = ytd(m) - ytd(m-1) of the same year,
--     January = ytd(1). When month m-1 was not published cumulatively the month is unknown (null).
WITH customs_by_town AS (
  -- customs lines are many: sum them once per month, county, town and kind of trade
  SELECT
    period,
    county_code,
    town_code,
    trade_mode IN ('9610', '9710', '9810', '1210') AS cross_border,
    SUM(value_cny) AS value_cny,
    SUM(value_usd) AS value_usd
  FROM customs_exports
  GROUP BY period, county_code, town_code, trade_mode IN ('9610', '9710', '9810', '1210')
),
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
  FROM retail_sales r
  LEFT JOIN retail_sales p
    ON p.county_code = r.county_code
   AND p.period = r.period - 1
   AND r.period % 100 <> 1
)
SELECT indicator, period, county_code, town_code, SUM(amount) AS amount, COUNT(*) AS line_count
FROM (
  SELECT 'export' AS indicator, period, county_code, town_code, value_cny AS amount
  FROM customs_by_town
  UNION ALL
  SELECT 'export_usd', period, county_code, town_code, value_usd
  FROM customs_by_town
  UNION ALL
  SELECT 'cbec_export', period, county_code, town_code, value_cny
  FROM customs_by_town
  WHERE cross_border
  UNION ALL
  SELECT 'fdi_actual', period, county_code, town_code, actual_usd
  FROM fdi_inflows
  UNION ALL
  SELECT 'above_quota_sales', period, county_code, town_code, sales_cny
  FROM above_quota_sales
  UNION ALL
  SELECT 'retail_sales', period, county_code, CAST(NULL AS STRING), retail_sales
  FROM retail_months
  UNION ALL
  SELECT 'online_retail', period, county_code, CAST(NULL AS STRING), online_retail
  FROM retail_months
) lines
GROUP BY indicator, period, county_code, town_code
