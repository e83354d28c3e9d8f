-- Coupons (issue 13). A coupon takes a percentage or an amount off the pieces it covers, or the shipping
-- fee of the parcels that hold them. It is a code the shopper types, or automatic (applied when nothing is
-- typed). The hub's coupons are borne by the hub or by each workshop for its own parcel; a workshop's
-- coupons cover only its pieces and are borne by it. `spent` is the budget taken so far: checkout adds to
-- it with one conditional UPDATE (never past `budget`), a cancelled order gives its part back.
CREATE TABLE coupons (
  id PRIMARY_ID,
  code TEXT UNIQUE,                              -- upper case; NULL: an automatic coupon
  name_ko TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed', 'free_shipping')),
  value BIGINT NOT NULL DEFAULT 0,               -- percent: 1-90; fixed: won
  max_discount BIGINT NOT NULL DEFAULT 0,        -- percent: a cap in won (0: none)
  min_subtotal BIGINT NOT NULL DEFAULT 0,        -- of the pieces it covers
  categories TEXT NOT NULL DEFAULT '',           -- comma separated; '': every category
  workshop_id BIGINT REFERENCES workshops(id),   -- a workshop's own coupon (only its pieces)
  bearer TEXT NOT NULL DEFAULT 'hub' CHECK (bearer IN ('hub', 'workshop')),
  first_order INTEGER NOT NULL DEFAULT 0,        -- only a shopper's first order
  budget BIGINT NOT NULL DEFAULT 0,              -- won the coupon may give in all (0: no limit)
  spent BIGINT NOT NULL DEFAULT 0 CHECK (spent >= 0),
  per_customer INTEGER NOT NULL DEFAULT 1,       -- uses per shopper (0: no limit)
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL DEFAULT '',              -- '': open-ended
  paused INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX coupons_workshop ON coupons(workshop_id);

-- Each order a coupon took part in: who (an account, or a guest's email) and how much; released when
-- the order is cancelled (the budget and the shopper's use come back).
CREATE TABLE coupon_uses (
  id PRIMARY_ID,
  coupon_id BIGINT NOT NULL REFERENCES coupons(id),
  order_id BIGINT NOT NULL UNIQUE REFERENCES orders(id),
  customer TEXT NOT NULL,                        -- 'user:42' or 'email:someone@example.com'
  amount BIGINT NOT NULL,
  released INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX coupon_uses_customer ON coupon_uses(coupon_id, customer);

-- What the order took off: in all, per parcel (shipping included) and per line; who bore it.
ALTER TABLE orders ADD COLUMN discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN coupon_code TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN coupon_name TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN discount_bearer TEXT NOT NULL DEFAULT '';
ALTER TABLE fulfilments ADD COLUMN discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fulfilments ADD COLUMN shipping_discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN discount BIGINT NOT NULL DEFAULT 0;
