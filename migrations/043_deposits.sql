-- Bank-transfer deposits (issue 12, src/payments/deposits): the name the shopper will send the transfer
-- under (입금자명) and a cash-receipt request (현금영수증) are kept with the order; the operator uploads the
-- bank's statement (CSV or XLSX export) and each incoming deposit becomes a row here, matched to an unpaid
-- order by amount and depositor name, then confirmed (the order paid) or set aside. A statement uploaded
-- twice adds nothing: a deposit's fingerprint (time, depositor, amount, balance, and how many identical rows
-- came before it in the file) is unique.
ALTER TABLE orders ADD COLUMN depositor TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN cash_receipt TEXT NOT NULL DEFAULT '';     -- '' | income | expense
ALTER TABLE orders ADD COLUMN cash_receipt_id TEXT NOT NULL DEFAULT '';  -- phone or business number

CREATE TABLE bank_statements (
  id PRIMARY_ID,
  file_name TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  deposits_new INTEGER NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL
);

CREATE TABLE bank_deposits (
  id PRIMARY_ID,
  statement_id BIGINT NOT NULL REFERENCES bank_statements(id),
  fingerprint TEXT NOT NULL UNIQUE,
  line INTEGER NOT NULL,                 -- the row in the uploaded file
  deposited_at TEXT NOT NULL,            -- as the bank wrote it, normalised to YYYY-MM-DD HH:MM[:SS]
  depositor TEXT NOT NULL,
  amount BIGINT NOT NULL,                -- won
  memo TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                  -- open | confirmed | set_aside
  order_id BIGINT REFERENCES orders(id), -- once confirmed
  decided_by BIGINT REFERENCES users(id),
  decided_at TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bank_deposits_status ON bank_deposits(status);
CREATE UNIQUE INDEX bank_deposits_order ON bank_deposits(order_id);
