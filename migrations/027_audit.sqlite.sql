-- The audit trail (issue 15): every change staff, workshops, auditors and the operator make, and every
-- time they open a page with customers' addresses or phones; append-only (the triggers refuse changes).
CREATE TABLE audit_log (
  id PRIMARY_ID,
  at TEXT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor TEXT NOT NULL,            -- the email at the time
  roles TEXT NOT NULL,            -- "operator", "vendor_staff" ...
  workshop_id BIGINT NOT NULL DEFAULT 0,  -- the actor's workshop (vendor staff), so a workshop sees its own
  kind TEXT NOT NULL,             -- change | view
  method TEXT NOT NULL,
  route TEXT NOT NULL,            -- the route's pattern: what was done ("PUT /api/v1/operator/brand")
  target TEXT NOT NULL,           -- the path: to what ("/api/v1/operator/orders/BR-.../status")
  detail TEXT NOT NULL,           -- the values sent (secrets removed, long values cut)
  status INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_workshop ON audit_log(workshop_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
