-- County export figures, computed by DuckDB from the landing files: the peer's version of
-- gold.indicator_monthly (indicator 'export', region_level 'county') and of the 'ytd_value'
-- ranks of gold.indicator_rank.
--
-- Grain of the result (table county_export): one row per county of regions.csv and delivered
-- month of customs exports.
--
-- Inputs ({{peer}} and {{reference}} are replaced by the runner, DuckDbPeer):
--   {{peer}}/customs_exports/<delivery>/*.csv   the landing files as delivered, rewritten as UTF-8
--                                               with canonical headers (preparation, not timed here)
--   {{reference}}/regions.csv, fx_rates.csv     the reference data Saima reads
--
-- Rules, as DESIGN.md states them ("Landing zone", "Bad input", "Tables"):
--   * a line that breaks the contract is left out (Saima quarantines it); exact copies of a line
--     within a delivery count once;
--   * for every month a delivery contains, its lines replace those of earlier deliveries;
--   * value_cny is kept as given; a line without it converts value_usd at the month's average
--     rate, rounded half-up to 2 decimals (DuckDB rounds DECIMAL half away from zero);
--   * a delivered month without lines for a county is 0 for it; a month never delivered has no row;
--   * growth and share are null when their base is missing or 0; RANK() descending, ties share.

-- The unified social credit code check (GB 32100-2015): 18 characters of a 31-letter alphabet,
-- the last one computed from the first 17 with the weights 3^i mod 31.
CREATE OR REPLACE MACRO credit_code_valid(code) AS
  regexp_full_match(code, '[0-9A-HJ-NP-RTUW-Y]{18}')
  AND substr(code, 18, 1) = substr(
    '0123456789ABCDEFGHJKLMNPQRTUWXY',
    CAST((31 - list_sum(list_transform(
        range(17),
        i -> (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i + 1, 1)) - 1)
             * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i + 1]
      )) % 31) % 31 + 1 AS BIGINT),
    1);

-- Money as delivered: digits with at most two decimals, optionally negative (checked apart).
CREATE OR REPLACE MACRO money_text_valid(amount) AS
  amount IS NULL OR regexp_full_match(amount, '-?[0-9]+(\.[0-9]{1,2})?');

CREATE OR REPLACE TABLE regions AS
SELECT county_code, county_name, province_code
FROM read_csv('{{reference}}/regions.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE fx_rates AS
SELECT CAST(period AS INTEGER) AS period, CAST(usd_cny AS DECIMAL(10, 4)) AS usd_cny
FROM read_csv('{{reference}}/fx_rates.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE county_export AS
WITH
-- Every landing line, empty fields as NULL, with the delivery it came in.
landing_lines AS (
  SELECT
    regexp_extract(filename, '([^/\\]+)[/\\][^/\\]+$', 1) AS delivery,
    NULLIF(trim(period), '') AS period,
    NULLIF(trim(county_code), '') AS county_code,
    NULLIF(trim(town_code), '') AS town_code,
    NULLIF(trim(enterprise_id), '') AS enterprise_id,
    enterprise_name,
    NULLIF(trim(hs_code), '') AS hs_code,
    NULLIF(trim(trade_mode), '') AS trade_mode,
    NULLIF(trim(destination), '') AS destination,
    NULLIF(trim(value_usd), '') AS value_usd,
    NULLIF(trim(value_cny), '') AS value_cny
  FROM read_csv(
    '{{peer}}/customs_exports/*/*.csv',
    header = true, all_varchar = true, filename = true,
    delim = ',', quote = '"', escape = '"')
),

-- Each credit code checked once, not once per line: there are far fewer enterprises than lines.
enterprise_ids AS (
  SELECT enterprise_id, credit_code_valid(enterprise_id) AS enterprise_id_valid
  FROM (SELECT DISTINCT enterprise_id FROM landing_lines WHERE enterprise_id IS NOT NULL)
),

-- The first rule each line breaks, in DESIGN.md's order; NULL for a good line.
checked_lines AS (
  SELECT
    l.*,
    fx.usd_cny,
    CASE
      WHEN l.period IS NULL OR l.county_code IS NULL OR l.enterprise_id IS NULL
        OR l.hs_code IS NULL OR l.trade_mode IS NULL OR l.destination IS NULL
        THEN 'missing_field'
      WHEN NOT money_text_valid(l.value_usd) OR NOT money_text_valid(l.value_cny)
        THEN 'bad_number'
      WHEN NOT regexp_full_match(l.period, '[0-9]{4}(0[1-9]|1[0-2])')
        THEN 'bad_period'
      WHEN CAST(l.value_usd AS DECIMAL(18, 2)) < 0 OR CAST(l.value_cny AS DECIMAL(18, 2)) < 0
        THEN 'negative_amount'
      WHEN l.county_code NOT IN (SELECT county_code FROM regions)
        THEN 'unknown_county'
      WHEN NOT e.enterprise_id_valid
        THEN 'invalid_enterprise_id'
      WHEN l.value_usd IS NULL AND l.value_cny IS NULL
        THEN 'no_amount'
      WHEN (l.value_usd IS NULL OR l.value_cny IS NULL) AND fx.usd_cny IS NULL
        THEN 'no_fx_rate'
    END AS reason
  FROM landing_lines AS l
  LEFT JOIN enterprise_ids AS e ON e.enterprise_id = l.enterprise_id
  LEFT JOIN fx_rates AS fx ON fx.period = TRY_CAST(l.period AS INTEGER)
),

-- Good lines, each exact copy within a delivery once.
good_lines AS (
  SELECT DISTINCT
    delivery, period, county_code, town_code, enterprise_id, enterprise_name, hs_code,
    trade_mode, destination, value_usd, value_cny, usd_cny
  FROM checked_lines
  WHERE reason IS NULL
),

-- Revisions: a month's lines come from the last delivery (in name order) that contains it.
current_lines AS (
  SELECT
    CAST(period AS INTEGER) AS period,
    county_code,
    -- One line's amount fits DECIMAL(18, 2) (up to 10^16 yuan); wider types would make DuckDB
    -- parse the text as a 128-bit decimal, about 100 times slower. Sums widen on their own.
    COALESCE(
      CAST(value_cny AS DECIMAL(18, 2)),
      ROUND(CAST(value_usd AS DECIMAL(18, 2)) * usd_cny, 2)) AS value_cny
  FROM good_lines
  QUALIFY delivery = MAX(delivery) OVER (PARTITION BY period)
),

delivered_months AS (
  SELECT DISTINCT period FROM current_lines
),

-- Every county in every delivered month, 0 where it exported nothing.
county_month AS (
  SELECT
    r.province_code,
    r.county_code,
    r.county_name,
    m.period,
    m.period // 100 AS year,
    m.period % 100 AS month,
    CAST(COALESCE(SUM(l.value_cny), 0) AS DECIMAL(24, 2)) AS value_month
  FROM regions AS r
  CROSS JOIN delivered_months AS m
  LEFT JOIN current_lines AS l ON l.county_code = r.county_code AND l.period = m.period
  GROUP BY r.province_code, r.county_code, r.county_name, m.period
),

-- January to this month of the same year.
county_ytd AS (
  SELECT
    *,
    CAST(SUM(value_month) OVER (
      PARTITION BY county_code, year ORDER BY month
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DECIMAL(24, 2)) AS value_ytd
  FROM county_month
),

-- The same month of last year; NULL when it was never delivered.
county_ytd_ly AS (
  SELECT
    t.*,
    ly.value_month AS value_month_ly,
    ly.value_ytd AS value_ytd_ly
  FROM county_ytd AS t
  LEFT JOIN county_ytd AS ly ON ly.county_code = t.county_code AND ly.period = t.period - 100
),

with_province AS (
  SELECT
    *,
    SUM(value_ytd) OVER (PARTITION BY province_code, period) AS province_value_ytd
  FROM county_ytd_ly
)

SELECT
  county_code AS region_code,
  county_name AS region_name,
  period,
  year,
  month,
  value_month,
  value_ytd,
  value_month_ly,
  value_ytd_ly,
  CASE WHEN value_ytd_ly IS NULL OR value_ytd_ly = 0 THEN NULL
       ELSE CAST(value_ytd - value_ytd_ly AS DOUBLE) / CAST(value_ytd_ly AS DOUBLE) * 100
  END AS yoy_ytd_pct,
  CASE WHEN province_value_ytd = 0 THEN NULL
       ELSE CAST(value_ytd AS DOUBLE) / CAST(province_value_ytd AS DOUBLE) * 100
  END AS share_ytd_pct,
  RANK() OVER (PARTITION BY province_code, period ORDER BY value_ytd DESC) AS rank_ytd
FROM with_province
ORDER BY period, rank_ytd, region_code;
