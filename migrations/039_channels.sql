-- Sales channels' product feeds (issue 19, src/channels/): the operator's mapping of our categories to
-- each channel's own (Naver's category id, Google's product taxonomy id, Kakao's category path), and
-- what each piece last looked like in the feeds, so Naver's incremental feed can list what changed
-- (I inserted, U updated, D deleted) and when.
CREATE TABLE channel_categories (
  channel TEXT NOT NULL,             -- naver | google | kakao
  category TEXT NOT NULL,            -- ours: ring, necklace, ...
  external TEXT NOT NULL,            -- the channel's
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, category)
);

CREATE TABLE feed_items (
  product_id BIGINT PRIMARY KEY REFERENCES products(id),
  fingerprint TEXT NOT NULL,         -- of what the feeds show of it (empty once gone)
  change TEXT NOT NULL,              -- I | U | D
  changed_at TEXT NOT NULL           -- UTC
);
CREATE INDEX feed_items_changed ON feed_items(changed_at);
