-- What each logged-in customer looked at (issue 13): views per customer, piece and Seoul day, counted by
-- the view beacon with catalog::PageViews's batches, for segments such as "viewed rings three times and
-- never bought one". Personal data: erased with the account.
CREATE TABLE customer_views (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  views BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, product_id, day)
);
CREATE INDEX customer_views_user ON customer_views(user_id, day);
