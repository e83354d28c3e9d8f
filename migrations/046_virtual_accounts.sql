-- Toss virtual accounts (가상계좌, issue 12): a payment attempt may be an account the shopper sends the
-- money to, kept here with its bank, holder and due date; the secret Toss's deposit callbacks carry is kept
-- as its SHA-256 only.
ALTER TABLE payments ADD COLUMN account_number TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN bank_code TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN account_holder TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN due_date TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN secret_hash TEXT NOT NULL DEFAULT '';
