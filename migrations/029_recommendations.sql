-- Recommendations (issue 13): how often two pieces were viewed in one visit (signal 'view') or bought
-- by one shopper (signal 'purchase'), product_a < product_b; and each piece's own count, the visits or
-- orders that held it (product_a = product_b). Added to in batches (marketing::Recommendations); the
-- model is rebuilt from these rows at start.
CREATE TABLE co_counts (
  signal TEXT NOT NULL CHECK (signal IN ('view', 'purchase')),
  product_a BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  product_b BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  n BIGINT NOT NULL CHECK (n > 0),
  PRIMARY KEY (signal, product_a, product_b),
  CHECK (product_a <= product_b)
);
