-- Visits per Seoul day and traffic source (issue 13): the dashboard's visits and conversion per source
-- (marketing/traffic.hpp). Counted in batches; no person is recorded.
CREATE TABLE visits (
  day TEXT NOT NULL,
  source TEXT NOT NULL,
  visits BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, source)
);
