-- Orders (checkout): a shopper's cart becomes an order paid by bank transfer, split into one fulfilment
-- (parcel) per workshop. Every line keeps what it was sold at: the price, the options, and for formula
-- pricing the metal quote it was priced at (id, metal, day and won per gram; a same-day correction later
-- changes the quote's row in place, with the old value in metal_quote_corrections, so the values are
-- copied here). Stock is reserved when the order is
-- placed (reserved = pieces taken from stock; made-to-order lines take none) and given back on
-- cancellation. order_events is the append-only history of every status change. Settlement statements
-- read paid orders' lines with the commission rate each line was sold under.
CREATE TABLE orders (
  id PRIMARY_ID,
  number TEXT NOT NULL UNIQUE,                   -- public: BR-261126-7KQ4MX2P
  user_id BIGINT REFERENCES users(id),           -- NULL: a guest's order
  guest_email TEXT NOT NULL DEFAULT '',          -- a guest's address for the mails
  guest_key TEXT NOT NULL DEFAULT '',            -- a guest opens the order with ?key= (in their mails);
                                                 -- it shows only this order, so it is kept as is
  checkout_key TEXT NOT NULL UNIQUE,             -- one order per checkout form (double submits)
  status TEXT NOT NULL,                          -- awaiting_payment | paid | cancelled
  payment_method TEXT NOT NULL DEFAULT 'bank_transfer',
  subtotal BIGINT NOT NULL,
  shipping_fee BIGINT NOT NULL,
  total BIGINT NOT NULL,
  recipient TEXT NOT NULL,
  phone TEXT NOT NULL,
  postcode TEXT NOT NULL,
  address TEXT NOT NULL,
  address_detail TEXT NOT NULL DEFAULT '',
  delivery_note TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL DEFAULT 'ko',
  pay_by TEXT NOT NULL,                          -- the transfer must arrive by then (UTC)
  paid_at TEXT,
  cancelled_at TEXT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX orders_user ON orders(user_id);
CREATE INDEX orders_status ON orders(status);

CREATE TABLE fulfilments (
  id PRIMARY_ID,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  status TEXT NOT NULL,                          -- awaiting_payment | to_ship | shipped | cancelled
  subtotal BIGINT NOT NULL,                      -- the workshop's lines with options, won
  shipping_fee BIGINT NOT NULL,
  carrier TEXT NOT NULL DEFAULT '',              -- once shipped: the carrier and the waybill number
  tracking TEXT NOT NULL DEFAULT '',
  shipped_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fulfilments_order ON fulfilments(order_id);
CREATE INDEX fulfilments_workshop ON fulfilments(workshop_id);

CREATE TABLE order_lines (
  id PRIMARY_ID,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  fulfilment_id BIGINT NOT NULL REFERENCES fulfilments(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  variant_id BIGINT NOT NULL REFERENCES variants(id),
  slug TEXT NOT NULL,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  variant_ko TEXT NOT NULL DEFAULT '',
  variant_en TEXT NOT NULL DEFAULT '',
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  reserved INTEGER NOT NULL DEFAULT 0,
  engraving TEXT NOT NULL DEFAULT '',
  gift_wrap INTEGER NOT NULL DEFAULT 0,
  final_sale INTEGER NOT NULL DEFAULT 0,
  unit_price BIGINT NOT NULL,
  options_fee BIGINT NOT NULL DEFAULT 0,
  line_total BIGINT NOT NULL,
  pricing TEXT NOT NULL,                         -- fixed | formula
  quote_id BIGINT,
  quote_metal TEXT NOT NULL DEFAULT '',
  quote_day TEXT NOT NULL DEFAULT '',
  quote_won_per_gram BIGINT NOT NULL DEFAULT 0,
  made_to_order INTEGER NOT NULL DEFAULT 0,
  lead_days INTEGER NOT NULL DEFAULT 0,
  category TEXT NOT NULL DEFAULT '',
  commission_bp INTEGER NOT NULL DEFAULT 0,      -- the brand's rate for this workshop and category when
                                                 -- the order was placed (later rate changes do not apply)
  created_at TEXT NOT NULL
);
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_product ON order_lines(product_id);

CREATE TABLE order_events (
  id PRIMARY_ID,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  actor_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,                            -- placed | paid | cancelled
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id);
