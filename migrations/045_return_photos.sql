-- Photos a shopper sends with a return or exchange request (issue 12): the piece as it arrived, a defect.
-- Each is kept whole in the blob store (content-addressed) with a small PNG preview that the order page,
-- the workshop and the operator show.
CREATE TABLE order_return_photos (
  id PRIMARY_ID,
  return_id BIGINT NOT NULL REFERENCES order_returns(id),
  hash TEXT NOT NULL,          -- the original, as sent
  preview_hash TEXT NOT NULL,  -- a PNG at most 600 px on its longer side
  content_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  uploaded_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX order_return_photos_return ON order_return_photos(return_id);
