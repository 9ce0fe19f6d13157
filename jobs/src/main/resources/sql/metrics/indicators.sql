-- Grain: one row per indicator: the landing source it is counted from, its currency, and whether
-- that source carries town codes (so the indicator also has a unit level).
-- export and export_usd are both summed as customs gave them: customs values each declaration at
-- that day's rate, so totals are never converted afterwards (DOMAIN.md, "Exports").
SELECT * FROM VALUES
  ('export',            'customs_exports',   'CNY', true),
  ('export_usd',        'customs_exports',   'USD', true),
  ('cbec_export',       'customs_exports',   'CNY', true),
  ('fdi_actual',        'fdi_inflows',       'USD', true),
  ('retail_sales',      'retail_sales',      'CNY', false),
  ('online_retail',     'retail_sales',      'CNY', false),
  ('above_quota_sales', 'above_quota_sales', 'CNY', true)
AS indicators(indicator, source, currency, has_units)
