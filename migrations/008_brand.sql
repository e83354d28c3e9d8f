-- The joint brand's settings (issue 4): name, colours and shipping rules as keys, commission rates by
-- scope (workshop 0 = any workshop, '' = any category; the most specific applies), and every save kept.
CREATE TABLE brand_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE commission_rates (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL DEFAULT 0,
  category TEXT NOT NULL DEFAULT '',
  rate_bp INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (workshop_id, category)
);
CREATE TABLE brand_history (
  id PRIMARY_ID,
  user_id BIGINT,
  body TEXT NOT NULL,  -- the settings as saved, JSON
  created_at TEXT NOT NULL
);
INSERT INTO commission_rates (workshop_id, category, rate_bp, updated_at) VALUES (0, '', 1500, '2026-11-25T00:00:00Z');
