-- Shopping carts (issue 3's add-to-cart options). A cart belongs to a browser (a random token in an
-- HttpOnly cookie; the database keeps only its SHA-256) and, once known, to a user. Each line keeps the
-- price and the metal quote it was priced at when added, so checkout can show a price change.
CREATE TABLE carts (
  id PRIMARY_ID,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE cart_lines (
  id PRIMARY_ID,
  cart_id BIGINT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  variant_id BIGINT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  engraving TEXT NOT NULL DEFAULT '',
  gift_wrap INTEGER NOT NULL DEFAULT 0,
  final_sale INTEGER NOT NULL DEFAULT 0,      -- engraved pieces cannot be returned for a change of mind
  unit_price BIGINT NOT NULL,                 -- won, the variant's price when added
  options_fee BIGINT NOT NULL DEFAULT 0,      -- won per piece: engraving and gift wrap
  quote_id BIGINT,                            -- the quote the price came from (formula pricing); no
                                              -- foreign key: a same-day correction replaces the row,
  quote_won_per_gram BIGINT NOT NULL DEFAULT 0,  -- so its value is kept here too
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cart_lines_cart ON cart_lines(cart_id);
