-- The Iksan eco-friendly jewelry certification (issue 11, src/certification/). A scheme has versions;
-- a published version never changes (the operator edits a new draft). A workshop applies against the
-- published version, self-assesses each criterion and attaches evidence; an auditor scores it, records
-- desk and on-site audits and non-conformities, and decides. A certificate is a signed credential whose
-- every status change is public and logged in trust_log.
CREATE TABLE cert_schemes (
  version INTEGER PRIMARY KEY,
  status TEXT NOT NULL,                 -- draft | published
  created_at TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cert_criteria (
  version INTEGER NOT NULL REFERENCES cert_schemes(version),
  code TEXT NOT NULL,                   -- recycled_metal, cyanide_free_plating, ...
  kind TEXT NOT NULL,                   -- baseline (must be met) | scored (weight points)
  weight INTEGER NOT NULL,              -- scored: points (a version's weights add up to 100); baseline: 0
  position INTEGER NOT NULL,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  guide_ko TEXT NOT NULL,               -- what is asked of the workshop
  guide_en TEXT NOT NULL,
  evidence_ko TEXT NOT NULL,            -- the evidence it needs
  evidence_en TEXT NOT NULL,
  claims TEXT NOT NULL DEFAULT '',      -- the product claims it backs, space separated
  PRIMARY KEY (version, code)
);
CREATE TABLE cert_applications (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  version INTEGER NOT NULL REFERENCES cert_schemes(version),
  status TEXT NOT NULL,                 -- draft | submitted | in_audit | certified | refused
  product_lines TEXT NOT NULL DEFAULT '',
  validity_years INTEGER NOT NULL DEFAULT 3,
  auditor_id BIGINT REFERENCES users(id),
  decision_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cert_applications_workshop ON cert_applications(workshop_id);
CREATE INDEX cert_applications_status ON cert_applications(status);
CREATE TABLE cert_answers (
  application_id BIGINT NOT NULL REFERENCES cert_applications(id),
  code TEXT NOT NULL,
  self_score INTEGER NOT NULL DEFAULT 0,  -- the workshop's own view, 0..100 (% of the criterion met)
  self_note TEXT NOT NULL DEFAULT '',
  audit_score INTEGER NOT NULL DEFAULT -1, -- the auditor's, 0..100; -1 not yet scored
  audit_note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, code)
);
CREATE TABLE cert_evidence (
  id PRIMARY_ID,
  application_id BIGINT NOT NULL REFERENCES cert_applications(id),
  code TEXT NOT NULL,                   -- the criterion it supports
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  hash TEXT NOT NULL,                   -- SHA-256 hex; the blob's address; logged in trust_log
  pages INTEGER NOT NULL DEFAULT 0,
  log_index BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX cert_evidence_application ON cert_evidence(application_id);
CREATE TABLE cert_audits (
  id PRIMARY_ID,
  application_id BIGINT NOT NULL REFERENCES cert_applications(id),
  kind TEXT NOT NULL,                   -- desk | on_site
  held_on TEXT NOT NULL,                -- YYYY-MM-DD
  auditor_id BIGINT NOT NULL REFERENCES users(id),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE cert_nonconformities (
  id PRIMARY_ID,
  application_id BIGINT NOT NULL REFERENCES cert_applications(id),
  code TEXT NOT NULL,
  severity TEXT NOT NULL,               -- major | minor
  description TEXT NOT NULL,
  due_on TEXT NOT NULL,                 -- YYYY-MM-DD
  corrective_action TEXT NOT NULL DEFAULT '',
  corrected_at TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '',   -- the auditor accepted the correction
  created_at TEXT NOT NULL
);
CREATE TABLE certificates (
  id PRIMARY_ID,
  number TEXT NOT NULL UNIQUE,          -- ECO-XXXX-XXXX, short, unguessable, printable
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  application_id BIGINT NOT NULL REFERENCES cert_applications(id),
  version INTEGER NOT NULL,
  level INTEGER NOT NULL,               -- 1..3 stars
  score INTEGER NOT NULL,               -- 0..100
  scope TEXT NOT NULL,                  -- the product lines covered
  claims TEXT NOT NULL,                 -- the product claims it allows, space separated
  status TEXT NOT NULL,                 -- active | suspended | withdrawn | expired
  status_index INTEGER NOT NULL UNIQUE, -- its bit in the status lists
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  suspended_until TEXT NOT NULL DEFAULT '',
  reminded_days INTEGER NOT NULL DEFAULT 0, -- the last renewal reminder sent (90, 30, 7)
  credential TEXT NOT NULL,             -- the signed credential as issued
  credential_sha256 TEXT NOT NULL,      -- SHA-256 hex of its JCS form
  created_at TEXT NOT NULL
);
CREATE INDEX certificates_workshop ON certificates(workshop_id);
CREATE TABLE certificate_events (
  id PRIMARY_ID,
  certificate_id BIGINT NOT NULL REFERENCES certificates(id),
  kind TEXT NOT NULL,                   -- issued | suspended | reinstated | withdrawn | expired
  reason TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  log_index BIGINT NOT NULL,            -- its entry in trust_log
  created_at TEXT NOT NULL
);
CREATE INDEX certificate_events_certificate ON certificate_events(certificate_id);
CREATE TABLE product_claims (
  product_id BIGINT NOT NULL REFERENCES products(id),
  claim TEXT NOT NULL,                  -- recycled_silver, cyanide_free_plating, ...
  evidence TEXT NOT NULL,               -- what backs it for this piece (a metal lot record, ...)
  created_at TEXT NOT NULL,
  PRIMARY KEY (product_id, claim)
);
-- What the store shows, written only by the certification module (through catalog::repo::set_eco):
-- the claims backed by an active certificate and that certificate's number.
ALTER TABLE products ADD COLUMN eco_claims TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN eco_certificate TEXT NOT NULL DEFAULT '';
-- The old unbacked flag goes: only a claim under an active certificate shows a badge now.
UPDATE products SET eco_certified = 0;
