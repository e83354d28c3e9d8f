-- Packing at the studio (issue 17): one order's parcel per session, held by one station person at a
-- time; the items scanned into it and the session's own required shots (the open box with its contents,
-- the sealed parcel with its waybill label). Every step is in trust_log.
CREATE TABLE packing_sessions (
  id PRIMARY_ID,
  order_number TEXT NOT NULL,
  fulfilment_id BIGINT NOT NULL,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  holder_id BIGINT NOT NULL REFERENCES users(id),
  status TEXT NOT NULL,                 -- open | closed
  carrier TEXT NOT NULL DEFAULT '',
  tracking TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT ''
);
-- Two stations cannot pack the same parcel at once.
CREATE UNIQUE INDEX packing_sessions_open ON packing_sessions(fulfilment_id) WHERE status = 'open';
CREATE INDEX packing_sessions_order ON packing_sessions(order_number);
CREATE TABLE packing_items (
  session_id BIGINT NOT NULL REFERENCES packing_sessions(id),
  item_id BIGINT NOT NULL REFERENCES items(id) UNIQUE, -- an item is packed once
  variant_id BIGINT NOT NULL,
  PRIMARY KEY (session_id, item_id)
);
CREATE TABLE packing_photos (
  id PRIMARY_ID,
  session_id BIGINT NOT NULL REFERENCES packing_sessions(id),
  view TEXT NOT NULL,                   -- box | sealed
  hash TEXT NOT NULL,
  thumb_hash TEXT NOT NULL,
  phash TEXT NOT NULL,
  log_index BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
