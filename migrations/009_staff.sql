-- Workshop staff (issue 4): the owner invites staff by email (a token link; only its SHA-256 is kept),
-- vendor staff are either the workshop's owner or staff, and the operator may suspend a workshop (its
-- products leave the store, its staff's writes are refused). Every such step is a workshop event.
ALTER TABLE user_roles ADD COLUMN workshop_role TEXT NOT NULL DEFAULT 'owner';  -- owner | staff (vendor_staff rows)

CREATE TABLE staff_invitations (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_by BIGINT REFERENCES users(id),
  accepted_at TEXT,
  revoked_at TEXT
);
CREATE INDEX staff_invitations_workshop ON staff_invitations(workshop_id);

CREATE TABLE workshop_events (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  author_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,  -- invited | invitation_revoked | joined | removed | suspended | reinstated
  message TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX workshop_events_workshop ON workshop_events(workshop_id);
