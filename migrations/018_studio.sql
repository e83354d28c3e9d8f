-- Brilliant Studio (issue 17, src/studio/): every physical piece the hub holds gets a serial at intake;
-- each thing that happens to it is an event at a station, by a person, with photos kept as evidence.
-- Events and photos are appended to trust_log in the same transaction; nothing here is ever edited: a
-- mistaken photo is voided with a reason (and the void logged).
CREATE TABLE items (
  id PRIMARY_ID,
  serial TEXT NOT NULL UNIQUE,          -- IT-XXXX-XXXX, Crockford base32, 40 random bits
  variant_id BIGINT NOT NULL REFERENCES variants(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  weight_cg INTEGER NOT NULL,           -- measured at intake, in 0.01 g
  expected_mg BIGINT NOT NULL,          -- the variant's (or product's) stated weight then
  weight_flag INTEGER NOT NULL DEFAULT 0, -- 1: more than 10 % from the stated weight
  hallmark TEXT NOT NULL DEFAULT '',
  inscription TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                 -- the latest event's kind
  created_at TEXT NOT NULL
);
CREATE INDEX items_variant ON items(variant_id);
CREATE TABLE item_events (
  id PRIMARY_ID,
  item_id BIGINT NOT NULL REFERENCES items(id),
  kind TEXT NOT NULL,                   -- received, photographed, qa_passed, qa_failed, ...
  station TEXT NOT NULL,                -- intake | studio | qa | packing | returns
  actor_id BIGINT REFERENCES users(id),
  note TEXT NOT NULL DEFAULT '',
  log_index BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX item_events_item ON item_events(item_id);
CREATE TABLE item_photos (
  id PRIMARY_ID,
  item_id BIGINT NOT NULL REFERENCES items(id),
  event_id BIGINT NOT NULL REFERENCES item_events(id),
  view TEXT NOT NULL,                   -- front, side, back, detail, serial, box, sealed, ...
  hash TEXT NOT NULL,                   -- the original's SHA-256 (blob address)
  thumb_hash TEXT NOT NULL,             -- a 320 px rendition for pages
  phash TEXT NOT NULL,                  -- 64-bit perceptual hash, hex
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  log_index BIGINT NOT NULL,
  voided_at TEXT NOT NULL DEFAULT '',
  void_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX item_photos_item ON item_photos(item_id);
