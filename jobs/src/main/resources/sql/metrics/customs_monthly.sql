-- Grain: one row per month, county, town code, trade mode and enterprise with customs lines
-- (silver.customs_monthly): the lines' amounts summed exactly and counted, and the greatest of the
-- enterprise names they give. Every gold figure from customs is derived from these sums, so a
-- build reads the lines of the months rewritten since the last build and the kept sums of the rest.
SELECT
  period,
  county_code,
  town_code,
  trade_mode,
  enterprise_id,
  MAX(enterprise_name) AS enterprise_name,
  SUM(value_cny) AS value_cny,
  SUM(value_usd) AS value_usd,
  COUNT(*) AS line_count
FROM customs_exports
GROUP BY period, county_code, town_code, trade_mode, enterprise_id
