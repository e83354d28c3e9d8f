-- A workshop's public profile photos (issue 4), and the blobs that may be served publicly besides product
-- photo renditions (the media route looks here when a hash is not a product photo's rendition).
CREATE TABLE public_blobs (
  hash TEXT PRIMARY KEY,
  content_type TEXT NOT NULL
);
CREATE TABLE workshop_photos (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  original_hash TEXT NOT NULL,
  renditions TEXT NOT NULL,  -- JSON: [{"name","format","width","height","hash"}], as the pipeline made them
  alt_ko TEXT NOT NULL DEFAULT '',
  alt_en TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (workshop_id, original_hash)
);
CREATE INDEX workshop_photos_workshop ON workshop_photos(workshop_id);
