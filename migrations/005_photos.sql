-- Product photographs from the photo pipeline (issue 4): the original and every rendition are blobs
-- (SHA-256 under var/blobs); the perceptual hash is kept for matching later photos of the same piece.
CREATE TABLE product_photos (
  id PRIMARY_ID,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  original_hash TEXT NOT NULL,
  perceptual_hash TEXT NOT NULL,             -- 16 hex digits
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  alt_ko TEXT NOT NULL DEFAULT '',
  alt_en TEXT NOT NULL DEFAULT '',
  uploaded_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (product_id, original_hash)
);
CREATE INDEX product_photos_product ON product_photos(product_id);

CREATE TABLE photo_renditions (
  photo_id BIGINT NOT NULL REFERENCES product_photos(id) ON DELETE CASCADE,
  name TEXT NOT NULL,                        -- thumb, listing, detail, zoom, square
  format TEXT NOT NULL,                      -- webp, jpeg
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (photo_id, name, format)
);
CREATE INDEX photo_renditions_hash ON photo_renditions(hash);
