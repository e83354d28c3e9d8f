-- The maker's mark (the registered stamp image) and documents (business registration certificate,
-- bank book copy, ...) an applicant attaches to joining the joint brand (issue 4). Bytes are blobs
-- (SHA-256 under var/blobs); a mark also has a PNG preview browsers can show (HEIC marks included).
CREATE TABLE application_files (
  id PRIMARY_ID,
  applicant_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,            -- mark | document
  name TEXT NOT NULL,            -- the file name as uploaded, for people
  content_type TEXT NOT NULL,    -- image/jpeg, image/png, image/webp, image/heif, application/pdf
  bytes BIGINT NOT NULL,
  hash TEXT NOT NULL,
  preview_hash TEXT NOT NULL DEFAULT '',
  pages INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX application_files_applicant ON application_files(applicant_id);
