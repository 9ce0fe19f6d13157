-- Grain: one row per indicator, county of silver.regions and month delivered by the indicator's
-- source (silver.delivered_periods).
-- value_month is the sum of the county's lines. A delivered month without lines for a county is 0;
-- a month never delivered has no row at all (DESIGN.md, "Landing zone"). A county line whose
-- amount is unknown (retail by difference without the previous cumulative) leaves the month null.
WITH county_sums AS (
  SELECT indicator, period, county_code, SUM(amount) AS value_month
  FROM source_lines
  GROUP BY indicator, period, county_code
),
frame AS (
  SELECT i.indicator, i.currency, d.period, g.county_code
  FROM indicators i
  JOIN delivered_periods d ON d.source = i.source
  CROSS JOIN regions g
)
SELECT
  f.indicator,
  f.county_code,
  f.period,
  CASE WHEN s.county_code IS NULL THEN 0 ELSE s.value_month END AS value_month,
  f.currency
FROM frame f
LEFT JOIN county_sums s
  ON s.indicator = f.indicator AND s.period = f.period AND s.county_code = f.county_code
