-- The transparency log (issue 11, src/trust/log.cpp): an append-only list of entries hashed as RFC 9162
-- says, and the checkpoints the issuer signed over it. trust_log_head holds the size in one row, so that
-- appends on PostgreSQL wait for each other (row lock) and indexes never collide or skip.
CREATE TABLE trust_log (
  idx BIGINT PRIMARY KEY,          -- 0, 1, 2, ... in order of appending
  entry TEXT NOT NULL,             -- the logged bytes (canonical JSON)
  leaf_hash TEXT NOT NULL,         -- hex SHA-256(0x00 || entry)
  created_at TEXT NOT NULL
);
CREATE TABLE trust_log_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size BIGINT NOT NULL
);
INSERT INTO trust_log_head (id, size) VALUES (1, 0);
CREATE TABLE trust_checkpoints (
  size BIGINT PRIMARY KEY,
  root_hash TEXT NOT NULL,         -- hex
  note TEXT NOT NULL,              -- the signed checkpoint as served (origin, size, root, signature)
  created_at TEXT NOT NULL
);
