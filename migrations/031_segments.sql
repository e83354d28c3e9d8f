-- Customer segments (issue 13): a name and the rules that select its members (marketing/customers.hpp:
-- one condition per line, such as "metal = gold", "within_days = 90", "spent > 500000"). Members are
-- worked out when asked, from the orders as they are then.
CREATE TABLE segments (
  id PRIMARY_ID,
  name TEXT NOT NULL,
  rules TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
