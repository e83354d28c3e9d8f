-- Card payments (issue 12): one row per payment window opened for an order (an attempt), with the
-- provider's orderId ("{number}-{attempt}"), its paymentKey once the window succeeded, the state
-- (ready | in_progress | waiting_for_deposit | done | canceled | partial_canceled | aborted | expired),
-- the amount asked and the balance still held after refunds. payment_events is the append-only record of
-- every transition and refusal with the provider's answer as received; a webhook or answer naming no
-- payment we know is kept too (payment_id NULL). An order is marked paid in the same transaction as its
-- payment becomes done.
CREATE TABLE payments (
  id PRIMARY_ID,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  provider TEXT NOT NULL DEFAULT 'toss',
  provider_order_id TEXT NOT NULL UNIQUE,
  payment_key TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  method TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL,
  balance BIGINT NOT NULL DEFAULT 0,
  approved_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_order ON payments(order_id);
CREATE INDEX payments_status ON payments(status);

CREATE TABLE payment_events (
  id PRIMARY_ID,
  payment_id BIGINT REFERENCES payments(id),
  kind TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL DEFAULT '',
  http_status INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL DEFAULT '',
  amount BIGINT NOT NULL DEFAULT 0,
  actor_id BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX payment_events_payment ON payment_events(payment_id);
