-- Delivery, purchase confirmation and the workshops' ledger (issue 12). A parcel after shipping is
-- delivered (delivered_at: the carrier's export, the workshop or the operator) and then confirmed
-- (confirmed_at: 구매확정 by the shopper, or by itself some days after delivery). carrier_links holds the
-- operator's tracking-page template per carrier ({tracking} is replaced by the waybill).
ALTER TABLE fulfilments ADD COLUMN delivered_at TEXT;
ALTER TABLE fulfilments ADD COLUMN confirmed_at TEXT;

CREATE TABLE carrier_links (
  carrier TEXT PRIMARY KEY,                   -- cj | post | hanjin | lotte | logen
  tracking_url TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

-- The ledger is append-only: a confirmed line's sale is credited and its commission (at the rate copied
-- on the line) debited, the parcel's shipping fee credited; refunds and the operator's adjustments are
-- entries of their own; nothing is edited or deleted. `source` names what an entry is of
-- ("line:12:sale", "parcel:4:shipping"), unique, so confirming twice cannot credit twice.
CREATE TABLE ledger_entries (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  kind TEXT NOT NULL,                         -- sale | commission | shipping | refund | adjustment
  amount BIGINT NOT NULL,                     -- won: credits positive, debits negative
  order_number TEXT NOT NULL DEFAULT '',
  source TEXT UNIQUE,
  rate_bp INTEGER NOT NULL DEFAULT 0,
  memo TEXT NOT NULL DEFAULT '',
  actor_id BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX ledger_entries_workshop ON ledger_entries(workshop_id, created_at);

-- A closed month: each workshop's statement frozen from its entries of that month (Seoul time), paid out
-- once by bank transfer.
CREATE TABLE payout_periods (
  id PRIMARY_ID,
  month TEXT NOT NULL UNIQUE,                 -- YYYY-MM
  closed_at TEXT NOT NULL,
  closed_by BIGINT REFERENCES users(id),
  total BIGINT NOT NULL,
  paid_at TEXT,
  paid_by BIGINT REFERENCES users(id)
);
CREATE TABLE payout_statements (
  id PRIMARY_ID,
  period_id BIGINT NOT NULL REFERENCES payout_periods(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  sales BIGINT NOT NULL,
  commission BIGINT NOT NULL,                 -- negative: what the brand keeps
  shipping BIGINT NOT NULL,
  other BIGINT NOT NULL,                      -- refunds and adjustments
  payout BIGINT NOT NULL,                     -- the sum of every entry of the month
  entries INTEGER NOT NULL,
  UNIQUE (period_id, workshop_id)
);
