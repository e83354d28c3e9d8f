-- Buyers met at an exhibition's booth (issue 19): captured on a phone at the booth, offline if need be,
-- or left by the visitor through the booth's QR code. Each carries the id its device made (client_id), so
-- a sync that is retried never adds it twice; an edit made on a stale copy is kept beside the current one
-- (conflict) until someone chooses.
CREATE TABLE exhibition_leads (
  id PRIMARY_ID,
  exhibition_id BIGINT NOT NULL REFERENCES exhibitions(id),
  client_id TEXT NOT NULL,
  name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',     -- ISO 3166 alpha-2 when known
  interests TEXT NOT NULL DEFAULT '',   -- product ids, space separated
  rating INTEGER NOT NULL DEFAULT 0,    -- 0 (none) to 5
  notes TEXT NOT NULL DEFAULT '',
  consent INTEGER NOT NULL DEFAULT 0,   -- agreed to be contacted after the fair
  source TEXT NOT NULL,                 -- booth | visitor
  captured_by BIGINT REFERENCES users(id),
  captured_at TEXT NOT NULL,            -- on the device, UTC
  version INTEGER NOT NULL DEFAULT 1,
  conflict TEXT NOT NULL DEFAULT '',    -- JSON of an edit made on an older version, kept to choose from
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (exhibition_id, client_id)
);
