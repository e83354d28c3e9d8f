-- The audit trail (issue 15): every change staff, workshops, auditors and the operator make, and every
-- time they open a page with customers' addresses or phones; append-only (the trigger refuses changes).
CREATE TABLE audit_log (
  id PRIMARY_ID,
  at TEXT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor TEXT NOT NULL,
  roles TEXT NOT NULL,
  workshop_id BIGINT NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  method TEXT NOT NULL,
  route TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  status INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_workshop ON audit_log(workshop_id, id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
