-- Same-day corrections of a metal quote, append-only (DESIGN.md §5: every state change worth disputing
-- has a history row). A correction now updates the quote's row in place, so its id stays the one carts
-- and orders name, and the value it replaced is kept here with who replaced it and when.
CREATE TABLE metal_quote_corrections (
  id PRIMARY_ID,
  quote_id BIGINT NOT NULL REFERENCES metal_quotes(id),
  metal TEXT NOT NULL,
  day TEXT NOT NULL,
  old_won_per_gram BIGINT NOT NULL,
  new_won_per_gram BIGINT NOT NULL,
  old_source TEXT NOT NULL,
  source TEXT NOT NULL,
  corrected_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX metal_quote_corrections_quote ON metal_quote_corrections(quote_id);
