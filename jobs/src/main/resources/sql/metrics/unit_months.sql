-- Grain: one row per indicator that towns carry (customs, FDI, above-quota), unit of silver.units
-- (town, street or platform) and month delivered by the indicator's source.
-- A line counts for a unit only when its town_code is a unit of the line's own county; other town
-- codes still count for the county (see stray_town_codes.sql). A delivered month without lines
-- for a unit is 0; a month never delivered has no row.
WITH unit_sums AS (
  SELECT l.indicator, l.period, u.unit_code, SUM(l.amount) AS value_month
  FROM source_lines l
  JOIN units u ON u.unit_code = l.town_code AND u.county_code = l.county_code
  GROUP BY l.indicator, l.period, u.unit_code
),
frame AS (
  SELECT i.indicator, i.currency, d.period, u.unit_code
  FROM indicators i
  JOIN delivered_periods d ON d.source = i.source
  CROSS JOIN units u
  WHERE i.has_units
)
SELECT
  f.indicator,
  f.unit_code,
  f.period,
  CASE WHEN s.unit_code IS NULL THEN 0 ELSE s.value_month END AS value_month,
  f.currency
FROM frame f
LEFT JOIN unit_sums s
  ON s.indicator = f.indicator AND s.period = f.period AND s.unit_code = f.unit_code
