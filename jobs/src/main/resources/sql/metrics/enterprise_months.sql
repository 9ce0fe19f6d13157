-- Grain: one row per enterprise, county and month with customs lines: the enterprise's exports
-- (value_cny summed, from the kept monthly sums of customs_monthly.sql) and its name as customs
-- gave it.
SELECT enterprise_id, county_code, period,
       MAX(enterprise_name) AS enterprise_name,
       CAST(SUM(value_cny) AS DECIMAL(30, 2)) AS value_cny
FROM customs_monthly
GROUP BY enterprise_id, county_code, period
