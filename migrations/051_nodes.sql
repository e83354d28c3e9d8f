-- Several nodes on one PostgreSQL database (issue 16).
-- job_runs: a background job's run for one time slot ("cancel-overdue" for minute 2026-12-01T09:05) is
-- claimed by inserting its row; the node whose insert made the row runs it, so each runs once across nodes.
CREATE TABLE job_runs (
  job TEXT NOT NULL,
  slot TEXT NOT NULL,
  node TEXT NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (job, slot)
);
-- The mail sender claims a batch of unsent mail before sending it (claimed_until: when another node may
-- take it over, should this one die mid-batch), so two nodes never send the same mail.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN claimed_until TEXT NOT NULL DEFAULT '';
-- Rate limits shared by every node: one token bucket per limit and key (an IP, an account), read and
-- written under the row's lock; rows untouched for a day are removed by the housekeeping job.
CREATE TABLE rate_buckets (
  key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_ms BIGINT NOT NULL
);
