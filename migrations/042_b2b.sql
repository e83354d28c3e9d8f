-- B2B buyers and quotes (issue 19, src/b2b/). A shopper applies to buy wholesale (company, country); the
-- operator approves (the buyer role) or refuses. An approved buyer asks a workshop for a quote on one of
-- its pieces with a quantity (state draft: the workshop is preparing its answer); the workshop sends unit
-- price, minimum quantity, lead time and validity (sent); the buyer accepts (accepted) and orders (ordered:
-- a bank-transfer order in `orders`, its invoice the quote's), or the validity passes (expired), or either
-- side declines (declined). Every change is a row in quote_events.
CREATE TABLE buyer_applications (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  company TEXT NOT NULL,
  country TEXT NOT NULL,              -- ISO 3166 alpha-2
  website TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,               -- pending | approved | refused
  applied_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by BIGINT REFERENCES users(id)
);

CREATE TABLE quotes (
  id PRIMARY_ID,
  number TEXT NOT NULL UNIQUE,        -- Q-261130-7KQ4MX
  buyer_id BIGINT NOT NULL REFERENCES users(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  variant_id BIGINT NOT NULL,
  exhibition_id BIGINT REFERENCES exhibitions(id),  -- asked from a fair's line sheet
  quantity INTEGER NOT NULL,
  buyer_note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,               -- draft | sent | accepted | ordered | expired | declined
  unit_price BIGINT NOT NULL DEFAULT 0,   -- won, the workshop's answer
  min_quantity INTEGER NOT NULL DEFAULT 1,
  lead_days INTEGER NOT NULL DEFAULT 0,
  valid_until TEXT NOT NULL DEFAULT '',   -- UTC; the answer holds until then
  answer_note TEXT NOT NULL DEFAULT '',
  order_id BIGINT REFERENCES orders(id),
  requested_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  reminded_at TEXT NOT NULL DEFAULT '',   -- the last reminder to a workshop that had not answered
  updated_at TEXT NOT NULL
);
CREATE INDEX quotes_buyer ON quotes (buyer_id);
CREATE INDEX quotes_workshop ON quotes (workshop_id, status);
CREATE INDEX quotes_order ON quotes (order_id);

CREATE TABLE quote_events (
  id PRIMARY_ID,
  quote_id BIGINT NOT NULL REFERENCES quotes(id),
  status TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX quote_events_quote ON quote_events (quote_id);
