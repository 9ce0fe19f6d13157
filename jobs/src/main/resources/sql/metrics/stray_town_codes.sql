-- Grain: one row per indicator, county and town code that is not a unit of that county in
-- silver.units, with how many lines carry it. These lines count for their county but for no
-- unit; the build logs them as warnings.
SELECT l.indicator, l.county_code, l.town_code, SUM(l.line_count) AS line_count
FROM source_lines l
LEFT JOIN units u ON u.unit_code = l.town_code AND u.county_code = l.county_code
WHERE l.town_code IS NOT NULL AND l.town_code <> '' AND u.unit_code IS NULL
GROUP BY l.indicator, l.county_code, l.town_code
