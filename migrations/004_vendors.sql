-- Workshop applications to join the joint brand (issue 4), with the history of every message and
-- decision between the applicant and the operator.
CREATE TABLE workshop_applications (
  id PRIMARY_ID,
  applicant_id BIGINT NOT NULL REFERENCES users(id),
  business_name TEXT NOT NULL,
  registration_no TEXT NOT NULL,            -- 사업자등록번호, digits only (10)
  representative TEXT NOT NULL,
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  bank_name TEXT NOT NULL,
  bank_account TEXT NOT NULL,
  account_holder TEXT NOT NULL,
  story TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'submitted', -- submitted | changes_requested | approved | rejected
  workshop_id BIGINT REFERENCES workshops(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workshop_applications_status ON workshop_applications(status);
CREATE INDEX workshop_applications_applicant ON workshop_applications(applicant_id);

CREATE TABLE application_events (
  id PRIMARY_ID,
  application_id BIGINT NOT NULL REFERENCES workshop_applications(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,                       -- submitted | resubmitted | approved | changes_requested | rejected
  message TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events(application_id);
