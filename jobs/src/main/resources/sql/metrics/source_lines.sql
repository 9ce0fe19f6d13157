-- Grain: one row per indicator, month, county and town code as the source lines give them, with the
-- sum of their amounts and how many lines there are (a retail line has no town).
-- What each indicator counts is data, not code: the indicators view (io/saima/catalog/
-- indicators.yaml) names its source, the DECIMAL column it sums and, for customs, the trade modes
-- it counts. Here every source offers each of its amount columns, one row per column
-- (source_amounts), and an indicator takes the rows of its source and column.
--   retail_sales: the month as published; a county publishing January-to-month cumulative
--     figures (basis = 'ytd') gets month m = ytd(m) - ytd(m-1) of the same year,
--     January = ytd(1). When month m-1 was not published cumulatively the month is unknown (null).
WITH customs_by_mode AS (
  -- customs lines are many: their kept monthly sums (customs_monthly.sql) summed once more per
  -- month, county, town and trade mode; DECIMAL(30,2) is what summing the lines gives
  SELECT
    period,
    county_code,
    town_code,
    trade_mode,
    CAST(SUM(value_cny) AS DECIMAL(30, 2)) AS value_cny,
    CAST(SUM(value_usd) AS DECIMAL(30, 2)) AS value_usd,
    SUM(line_count) AS line_count
  FROM customs_monthly
  GROUP BY period, county_code, town_code, trade_mode
),
retail_months AS (
  SELECT
    r.period,
    r.county_code,
    CASE
      WHEN r.basis <> 'ytd' THEN r.retail_sales_cny
      WHEN r.period % 100 = 1 THEN r.retail_sales_cny
      WHEN p.basis = 'ytd' THEN r.retail_sales_cny - p.retail_sales_cny
    END AS retail_sales_cny,
    CASE
      WHEN r.basis <> 'ytd' THEN r.online_retail_cny
      WHEN r.period % 100 = 1 THEN r.online_retail_cny
      WHEN p.basis = 'ytd' THEN r.online_retail_cny - p.online_retail_cny
    END AS online_retail_cny
  FROM retail_sales r
  LEFT JOIN retail_sales p
    ON p.county_code = r.county_code
   AND p.period = r.period - 1
   AND r.period % 100 <> 1
),
source_amounts AS (
  SELECT 'customs_exports' AS source, 'value_cny' AS amount_column,
         period, county_code, town_code, trade_mode, value_cny AS amount, line_count
  FROM customs_by_mode
  UNION ALL
  SELECT 'customs_exports', 'value_usd', period, county_code, town_code, trade_mode, value_usd,
         line_count
  FROM customs_by_mode
  UNION ALL
  SELECT 'fdi_inflows', 'actual_usd', period, county_code, town_code, CAST(NULL AS STRING),
         actual_usd, 1
  FROM fdi_inflows
  UNION ALL
  SELECT 'fdi_inflows', 'contract_usd', period, county_code, town_code, CAST(NULL AS STRING),
         contract_usd, 1
  FROM fdi_inflows
  UNION ALL
  SELECT 'above_quota_sales', 'sales_cny', period, county_code, town_code, CAST(NULL AS STRING),
         sales_cny, 1
  FROM above_quota_sales
  UNION ALL
  SELECT 'retail_sales', 'retail_sales_cny', period, county_code, CAST(NULL AS STRING),
         CAST(NULL AS STRING), retail_sales_cny, 1
  FROM retail_months
  UNION ALL
  SELECT 'retail_sales', 'online_retail_cny', period, county_code, CAST(NULL AS STRING),
         CAST(NULL AS STRING), online_retail_cny, 1
  FROM retail_months
)
SELECT
  i.indicator,
  s.period,
  s.county_code,
  s.town_code,
  SUM(s.amount) AS amount,
  SUM(s.line_count) AS line_count
FROM source_amounts s
JOIN indicators i
  ON i.source = s.source
 AND i.amount_column = s.amount_column
 AND (i.trade_modes IS NULL OR array_contains(i.trade_modes, s.trade_mode))
GROUP BY i.indicator, s.period, s.county_code, s.town_code
