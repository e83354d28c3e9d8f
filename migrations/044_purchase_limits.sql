-- Per-customer purchase limits (issue 12): a piece may be sold at most N to one customer over all their
-- orders (0: no limit). What each customer has bought of a limited piece is counted in purchase_counts,
-- raised by one conditional UPDATE in the order's transaction (so two tabs at once cannot both pass the
-- limit, on SQLite or PostgreSQL) and lowered when an order is cancelled. A customer is "u:<user id>", or
-- "e:<email>" for a guest.
ALTER TABLE products ADD COLUMN per_customer_limit INTEGER NOT NULL DEFAULT 0;

CREATE TABLE purchase_counts (
  buyer TEXT NOT NULL,
  product_id BIGINT NOT NULL REFERENCES products(id),
  bought INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (buyer, product_id)
);
