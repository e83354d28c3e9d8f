-- Running it for real (issue 15). Each workshop's seller particulars, shown on its pieces' pages and in
-- order mail while the hub mediates sales (통신판매중개): copied from the approved application when it is
-- approved (and here for workshops approved before), the demo's seeded.
CREATE TABLE workshop_sellers (
  workshop_id BIGINT PRIMARY KEY REFERENCES workshops(id),
  company TEXT NOT NULL,
  representative TEXT NOT NULL,
  registration_no TEXT NOT NULL,  -- 10 digits
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
INSERT INTO workshop_sellers (workshop_id, company, representative, registration_no, address, phone, updated_at)
SELECT workshop_id, business_name, representative, registration_no, address, phone, updated_at
FROM workshop_applications WHERE status = 'approved' AND workshop_id IS NOT NULL;

-- What each person agreed to (PIPA §22): one row per decision, never changed: the item (terms, privacy,
-- marketing), the text's version, agreed or withdrawn, when, and from where. The latest row per item is
-- what holds now.
CREATE TABLE consents (
  id PRIMARY_ID,
  user_id BIGINT NOT NULL REFERENCES users(id),
  item TEXT NOT NULL,        -- terms | privacy | marketing
  version TEXT NOT NULL,
  agreed INTEGER NOT NULL,   -- 1 agreed, 0 withdrawn
  source TEXT NOT NULL,      -- signup | account | api | unsubscribe
  created_at TEXT NOT NULL
);
CREATE INDEX consents_user ON consents(user_id, item, id);

-- When an order's personal data was reduced to what the record the law requires needs (the account was
-- closed, or a guest's order passed its retention): the name masked, phone, street and notes erased.
ALTER TABLE orders ADD COLUMN personal_data_reduced_at TEXT;
