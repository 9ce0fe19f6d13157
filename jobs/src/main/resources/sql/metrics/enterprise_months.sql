-- Grain: one row per enterprise, county and month with customs lines: the enterprise's exports
-- (value_cny summed) and its name as customs gave it.
SELECT enterprise_id, county_code, period,
       MAX(enterprise_name) AS enterprise_name, SUM(value_cny) AS value_cny
FROM customs_exports
GROUP BY enterprise_id, county_code, period
