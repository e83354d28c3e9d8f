-- Studio shoots (issue 17): a product's shoot list (front, side, back, detail, worn, 360° spin frames),
-- files named {SKU}_{view}_{n}; shot_no is the n. A grey card shot ("card") records the light's cast on
-- its event, which the channel renditions of that event's photos correct. Published spin frames drive
-- the 360° viewer on the product page.
ALTER TABLE item_photos ADD COLUMN shot_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE item_photos ADD COLUMN colour_note TEXT NOT NULL DEFAULT '';
CREATE TABLE product_spin_frames (
  product_id BIGINT NOT NULL REFERENCES products(id),
  position INTEGER NOT NULL,
  hash TEXT NOT NULL,                   -- a public 1000 px rendition (served at /media/photos/{hash})
  created_at TEXT NOT NULL,
  PRIMARY KEY (product_id, position)
);
