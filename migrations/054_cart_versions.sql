-- A cart's version (issue 16): moved on by every change to its lines (an add, a quantity changed, a line
-- removed). On PostgreSQL an add reads the cart, then writes its line in one statement that first moves
-- the version on from the one it read; if anything changed the cart in between, that statement writes
-- nothing and the add reads the cart again. No transaction is held open across the two round trips.
ALTER TABLE carts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
