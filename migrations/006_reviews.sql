-- Brand review of products (issue 4): every decision on a product, with the operator's comment.
CREATE TABLE product_reviews (
  id PRIMARY_ID,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  reviewer_id BIGINT NOT NULL REFERENCES users(id),
  decision TEXT NOT NULL,                   -- submitted | approved | changes_requested | rejected
  comment TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX product_reviews_product ON product_reviews(product_id);
