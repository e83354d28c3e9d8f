-- Product page views per day (issue 4's workshop dashboard). Counted from a beacon the product page
-- sends (so pages served from the page cache count too, and crawlers that run no script do not);
-- aggregated in memory and written in batches (catalog::PageViews).
CREATE TABLE product_views (
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  day TEXT NOT NULL,          -- YYYY-MM-DD, Korea time (the shops' day)
  views BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, day)
);
