-- The peer's silver: the landing lines checked, typed and revised by DuckDB, the first of the
-- peer's three scripts (then indicator_monthly.sql, then indicator_rank.sql).
--
-- Grain of the results:
--   customs_months     one row per month and county with customs lines that stand: the sums of
--                      value_cny, value_usd and the cross-border (跨境电商) value_cny
--   fdi_inflows        one row per project and month that stands (实到外资, USD)
--   retail_sales       one row per county and month that stands, as published (basis month|ytd)
--   above_quota_sales  one row per enterprise, industry and month that stands
--   delivered_periods  one row per source and month delivered, with the delivery that stands
--
-- Inputs ({{...}} are replaced by the runner, DuckDbPeer):
--   {{customs_exports}}, {{fdi_inflows}}, {{retail_sales}}, {{above_quota_sales}}
--       the prepared files of each source (<peer>/<source>/<delivery>/*.csv: UTF-8, canonical
--       headers in contract order, values as delivered)
--   {{reference}}/regions.csv, units.csv, fx_rates.csv   the reference data Saima reads
--
-- Rules, as DESIGN.md states them ("Landing zone", "Bad input", "Tables") and as Saima's
-- RecordValidator and IngestTransforms apply them:
--   * a line with more non-empty fields than its header is left out (the preparation counts them
--     in surplus_fields); values are stripped of white space; an empty field is missing;
--   * a line is left out (Saima quarantines it) when a required field is missing or not of its
--     kind (country codes, industries, basis), the period is not YYYYMM of 1990-2100, an amount is
--     not a plain decimal with at most two decimals (or an HS code not 8 or 10 digits, a trade mode
--     not 4), an amount is negative, a customs line has no amount, the county is not in
--     regions.csv, a credit code fails its check character, or a customs line lacks one currency
--     and the month has no rate;
--   * a town code that is no unit of the line's county is emptied (the line stays);
--   * lines of one delivery with the same typed values count once; lines of one delivery that
--     share a key (fdi_inflows: period, project_id; retail_sales: period, county_code;
--     above_quota_sales: period, enterprise_id, industry) with different values are all left out;
--   * a delivery brings every month named by one of its lines (kept or not, as long as the period
--     reads as YYYYMM); for each month the last delivery by name that brings it stands, and only
--     its lines count;
--   * customs keeps both currencies as given; a missing one is the other at the month's rate,
--     rounded half-up to 2 decimals (cny = usd × rate, usd = cny ÷ rate).
--
-- Amounts are read as DECIMAL(18, 2), up to 10^16 yuan a line: a 128-bit DECIMAL(20, 2) would cost
-- DuckDB about 100 times more to parse, and a line that large is not in any landing file.

-- Java's String.strip(): ASCII control white space, the ideographic space and the other Unicode
-- spaces a Chinese spreadsheet may leave.
CREATE OR REPLACE MACRO stripped(text) AS NULLIF(trim(text,
  ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(28) || chr(29) || chr(30)
  || chr(31) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196)
  || chr(8197) || chr(8198) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233)
  || chr(8287) || chr(12288)), '');

-- A month YYYYMM of the years 1990 to 2100.
CREATE OR REPLACE MACRO period_valid(period) AS
  regexp_full_match(period, '(199[0-9]|20[0-9][0-9]|2100)(0[1-9]|1[0-2])');

-- Money as delivered: an optional sign, digits and at most two decimals (at least one digit).
CREATE OR REPLACE MACRO money_valid(amount) AS
  amount IS NULL OR (regexp_full_match(amount, '[+-]?0*[0-9]{0,16}(\.[0-9]{0,2})?')
                     AND regexp_matches(amount, '[0-9]'));

CREATE OR REPLACE MACRO money(amount) AS TRY_CAST(amount AS DECIMAL(18, 2));

CREATE OR REPLACE MACRO not_negative(amount) AS coalesce(money(amount) >= 0, true);

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

-- The delivery folder of a prepared file.
CREATE OR REPLACE MACRO delivery_of(filename) AS
  regexp_extract(filename, '([^/\\]+)[/\\][^/\\]+$', 1);

-- Does a line bring its month to its delivery: a kept line, or any whose period reads as YYYYMM
-- once its spaces are trimmed (as Saima's IngestTransforms.deliveredPeriods).
CREATE OR REPLACE MACRO brings_period(raw_period) AS
  regexp_full_match(trim(raw_period), '[0-9]{4}(0[1-9]|1[0-2])');

CREATE OR REPLACE TABLE regions AS
SELECT stripped(county_code) AS county_code, county_name, city_code, city_name, province_code,
       province_name, competition_group
FROM read_csv('{{reference}}/regions.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE units AS
SELECT stripped(unit_code) AS unit_code, stripped(county_code) AS county_code
FROM read_csv('{{reference}}/units.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE fx_rates AS
SELECT CAST(period AS INTEGER) AS period, CAST(usd_cny AS DECIMAL(10, 4)) AS usd_cny
FROM read_csv('{{reference}}/fx_rates.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE delivered_lines (source VARCHAR, delivery VARCHAR, period INTEGER);

-- ---------------------------------------------------------------- customs exports

CREATE OR REPLACE TABLE customs_lines AS
WITH landing_lines AS (
  SELECT
    delivery_of(filename) AS delivery,
    period AS raw_period,
    surplus_fields = '0' AS aligned,
    stripped(period) AS period,
    stripped(county_code) AS county_code,
    stripped(town_code) AS town_code,
    upper(stripped(enterprise_id)) AS enterprise_id,
    stripped(enterprise_name) AS enterprise_name,
    stripped(hs_code) AS hs_code,
    stripped(trade_mode) AS trade_mode,
    upper(stripped(destination)) AS destination,
    stripped(value_usd) AS value_usd,
    stripped(value_cny) AS value_cny
  FROM read_csv(
    {{customs_exports}},
    header = true, all_varchar = true, filename = true,
    delim = ',', quote = '"', escape = '"')
),
-- Each credit code checked once, not once per line: there are far fewer enterprises than lines.
enterprise_ids AS (
  SELECT enterprise_id, credit_code_valid(enterprise_id) AS enterprise_id_valid
  FROM (SELECT DISTINCT enterprise_id FROM landing_lines WHERE enterprise_id IS NOT NULL)
)
SELECT
  l.*,
  fx.usd_cny,
  l.aligned AND l.period IS NOT NULL AND l.county_code IS NOT NULL AND l.enterprise_id IS NOT NULL
    AND l.hs_code IS NOT NULL AND l.trade_mode IS NOT NULL AND l.destination IS NOT NULL
    AND regexp_full_match(l.destination, '[A-Z]{2}')
    AND period_valid(l.period)
    AND money_valid(l.value_usd) AND money_valid(l.value_cny)
    AND regexp_full_match(l.hs_code, '[0-9]{8}([0-9]{2})?')
    AND regexp_full_match(l.trade_mode, '[0-9]{4}')
    AND not_negative(l.value_usd) AND not_negative(l.value_cny)
    AND (l.value_usd IS NOT NULL OR l.value_cny IS NOT NULL)
    AND l.county_code IN (SELECT county_code FROM regions)
    AND e.enterprise_id_valid
    AND ((l.value_usd IS NOT NULL AND l.value_cny IS NOT NULL) OR fx.usd_cny IS NOT NULL)
    AS kept
FROM landing_lines AS l
LEFT JOIN enterprise_ids AS e ON e.enterprise_id = l.enterprise_id
LEFT JOIN fx_rates AS fx ON fx.period = TRY_CAST(l.period AS INTEGER);

INSERT INTO delivered_lines
SELECT DISTINCT
  'customs_exports', delivery,
  CAST(CASE WHEN kept THEN period ELSE trim(raw_period) END AS INTEGER)
FROM customs_lines
WHERE kept OR brings_period(raw_period);

CREATE OR REPLACE TABLE customs_months AS
WITH typed AS (
  SELECT
    l.delivery,
    CAST(l.period AS INTEGER) AS period,
    l.county_code,
    CASE WHEN u.county_code = l.county_code THEN l.town_code END AS town_code,
    l.enterprise_id,
    l.enterprise_name,
    l.hs_code,
    l.trade_mode,
    l.destination,
    CASE
      WHEN l.value_usd IS NOT NULL THEN money(l.value_usd)
      -- usd = cny ÷ rate, half-up to the cent, in whole numbers (DuckDB divides DECIMALs as
      -- doubles): cents = (2 × cny cents × 10^4 + rate × 10^4) // (2 × rate × 10^4)
      ELSE CAST(CAST(
        (2 * CAST(money(l.value_cny) * 100 AS HUGEINT) * 10000
           + CAST(l.usd_cny * 10000 AS HUGEINT))
        // (2 * CAST(l.usd_cny * 10000 AS HUGEINT)) AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2))
    END AS value_usd,
    coalesce(
      money(l.value_cny),
      CAST(ROUND(money(l.value_usd) * l.usd_cny, 2) AS DECIMAL(18, 2))) AS value_cny
  FROM customs_lines AS l
  LEFT JOIN units AS u ON u.unit_code = l.town_code
  WHERE l.kept
),
-- Exact copies within a delivery count once.
distinct_lines AS (
  SELECT DISTINCT * FROM typed
),
standing AS (
  SELECT period, max(delivery) AS delivery
  FROM delivered_lines
  WHERE source = 'customs_exports'
  GROUP BY period
)
SELECT
  l.period,
  l.county_code,
  CAST(sum(l.value_cny) AS DECIMAL(24, 2)) AS value_cny,
  CAST(sum(l.value_usd) AS DECIMAL(24, 2)) AS value_usd,
  CAST(coalesce(sum(l.value_cny) FILTER (WHERE l.trade_mode IN ('9610', '9710', '9810', '1210')), 0)
       AS DECIMAL(24, 2)) AS cbec_cny
FROM distinct_lines AS l
JOIN standing AS s ON s.period = l.period AND s.delivery = l.delivery
GROUP BY l.period, l.county_code;

-- ---------------------------------------------------------------- FDI arrivals

CREATE OR REPLACE TABLE fdi_lines AS
WITH landing_lines AS (
  SELECT
    delivery_of(filename) AS delivery,
    period AS raw_period,
    surplus_fields = '0' AS aligned,
    stripped(period) AS period,
    stripped(county_code) AS county_code,
    stripped(town_code) AS town_code,
    stripped(project_id) AS project_id,
    upper(stripped(investor_country)) AS investor_country,
    upper(stripped(industry)) AS industry,
    stripped(contract_usd) AS contract_usd,
    stripped(actual_usd) AS actual_usd
  FROM read_csv(
    {{fdi_inflows}},
    header = true, all_varchar = true, filename = true,
    delim = ',', quote = '"', escape = '"')
)
SELECT
  *,
  aligned AND period IS NOT NULL AND county_code IS NOT NULL AND project_id IS NOT NULL
    AND actual_usd IS NOT NULL
    AND (investor_country IS NULL OR regexp_full_match(investor_country, '[A-Z]{2}'))
    AND (industry IS NULL OR regexp_full_match(industry, '[A-T]'))
    AND period_valid(period)
    AND money_valid(contract_usd) AND money_valid(actual_usd)
    AND not_negative(contract_usd) AND not_negative(actual_usd)
    AND county_code IN (SELECT county_code FROM regions)
    AS kept
FROM landing_lines;

INSERT INTO delivered_lines
SELECT DISTINCT
  'fdi_inflows', delivery,
  CAST(CASE WHEN kept THEN period ELSE trim(raw_period) END AS INTEGER)
FROM fdi_lines
WHERE kept OR brings_period(raw_period);

CREATE OR REPLACE TABLE fdi_inflows AS
WITH distinct_lines AS (
  SELECT DISTINCT
    l.delivery,
    CAST(l.period AS INTEGER) AS period,
    l.county_code,
    CASE WHEN u.county_code = l.county_code THEN l.town_code END AS town_code,
    l.project_id,
    l.investor_country,
    l.industry,
    money(l.contract_usd) AS contract_usd,
    money(l.actual_usd) AS actual_usd
  FROM fdi_lines AS l
  LEFT JOIN units AS u ON u.unit_code = l.town_code
  WHERE l.kept
),
-- One project's arrival twice with different values: neither can be trusted.
unconflicted AS (
  SELECT * FROM distinct_lines
  QUALIFY count(*) OVER (PARTITION BY delivery, period, project_id) = 1
),
standing AS (
  SELECT period, max(delivery) AS delivery
  FROM delivered_lines
  WHERE source = 'fdi_inflows'
  GROUP BY period
)
SELECT l.*
FROM unconflicted AS l
JOIN standing AS s ON s.period = l.period AND s.delivery = l.delivery;

-- ---------------------------------------------------------------- retail sales

CREATE OR REPLACE TABLE retail_lines AS
WITH landing_lines AS (
  SELECT
    delivery_of(filename) AS delivery,
    period AS raw_period,
    surplus_fields = '0' AS aligned,
    stripped(period) AS period,
    stripped(county_code) AS county_code,
    stripped(retail_sales_cny) AS retail_sales_cny,
    stripped(online_retail_cny) AS online_retail_cny,
    coalesce(lower(stripped(basis)), 'month') AS basis
  FROM read_csv(
    {{retail_sales}},
    header = true, all_varchar = true, filename = true,
    delim = ',', quote = '"', escape = '"')
)
SELECT
  *,
  aligned AND period IS NOT NULL AND county_code IS NOT NULL AND retail_sales_cny IS NOT NULL
    AND basis IN ('month', 'ytd')
    AND period_valid(period)
    AND money_valid(retail_sales_cny) AND money_valid(online_retail_cny)
    AND not_negative(retail_sales_cny) AND not_negative(online_retail_cny)
    AND county_code IN (SELECT county_code FROM regions)
    AS kept
FROM landing_lines;

INSERT INTO delivered_lines
SELECT DISTINCT
  'retail_sales', delivery,
  CAST(CASE WHEN kept THEN period ELSE trim(raw_period) END AS INTEGER)
FROM retail_lines
WHERE kept OR brings_period(raw_period);

CREATE OR REPLACE TABLE retail_sales AS
WITH distinct_lines AS (
  SELECT DISTINCT
    delivery,
    CAST(period AS INTEGER) AS period,
    county_code,
    money(retail_sales_cny) AS retail_sales_cny,
    money(online_retail_cny) AS online_retail_cny,
    basis
  FROM retail_lines
  WHERE kept
),
-- One county's month twice with different figures: neither can be trusted.
unconflicted AS (
  SELECT * FROM distinct_lines
  QUALIFY count(*) OVER (PARTITION BY delivery, period, county_code) = 1
),
standing AS (
  SELECT period, max(delivery) AS delivery
  FROM delivered_lines
  WHERE source = 'retail_sales'
  GROUP BY period
)
SELECT l.*
FROM unconflicted AS l
JOIN standing AS s ON s.period = l.period AND s.delivery = l.delivery;

-- ---------------------------------------------------------------- above-quota sales

CREATE OR REPLACE TABLE above_quota_lines AS
WITH landing_lines AS (
  SELECT
    delivery_of(filename) AS delivery,
    period AS raw_period,
    surplus_fields = '0' AS aligned,
    stripped(period) AS period,
    stripped(county_code) AS county_code,
    stripped(town_code) AS town_code,
    upper(stripped(enterprise_id)) AS enterprise_id,
    lower(stripped(industry)) AS industry,
    stripped(sales_cny) AS sales_cny
  FROM read_csv(
    {{above_quota_sales}},
    header = true, all_varchar = true, filename = true,
    delim = ',', quote = '"', escape = '"')
),
enterprise_ids AS (
  SELECT enterprise_id, credit_code_valid(enterprise_id) AS enterprise_id_valid
  FROM (SELECT DISTINCT enterprise_id FROM landing_lines WHERE enterprise_id IS NOT NULL)
)
SELECT
  l.*,
  l.aligned AND l.period IS NOT NULL AND l.county_code IS NOT NULL AND l.enterprise_id IS NOT NULL
    AND l.industry IS NOT NULL AND l.sales_cny IS NOT NULL
    AND l.industry IN ('wholesale', 'retail', 'accommodation', 'catering')
    AND period_valid(l.period)
    AND money_valid(l.sales_cny)
    AND not_negative(l.sales_cny)
    AND l.county_code IN (SELECT county_code FROM regions)
    AND e.enterprise_id_valid
    AS kept
FROM landing_lines AS l
LEFT JOIN enterprise_ids AS e ON e.enterprise_id = l.enterprise_id;

INSERT INTO delivered_lines
SELECT DISTINCT
  'above_quota_sales', delivery,
  CAST(CASE WHEN kept THEN period ELSE trim(raw_period) END AS INTEGER)
FROM above_quota_lines
WHERE kept OR brings_period(raw_period);

CREATE OR REPLACE TABLE above_quota_sales AS
WITH distinct_lines AS (
  SELECT DISTINCT
    l.delivery,
    CAST(l.period AS INTEGER) AS period,
    l.county_code,
    CASE WHEN u.county_code = l.county_code THEN l.town_code END AS town_code,
    l.enterprise_id,
    l.industry,
    money(l.sales_cny) AS sales_cny
  FROM above_quota_lines AS l
  LEFT JOIN units AS u ON u.unit_code = l.town_code
  WHERE l.kept
),
-- One enterprise's trade in one month twice with different sales: neither can be trusted.
unconflicted AS (
  SELECT * FROM distinct_lines
  QUALIFY count(*) OVER (PARTITION BY delivery, period, enterprise_id, industry) = 1
),
standing AS (
  SELECT period, max(delivery) AS delivery
  FROM delivered_lines
  WHERE source = 'above_quota_sales'
  GROUP BY period
)
SELECT l.*
FROM unconflicted AS l
JOIN standing AS s ON s.period = l.period AND s.delivery = l.delivery;

-- ---------------------------------------------------------------- delivered months

CREATE OR REPLACE TABLE delivered_periods AS
SELECT source, period, max(delivery) AS delivery
FROM delivered_lines
GROUP BY source, period;
