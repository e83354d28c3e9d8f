-- Campaigns (issue 13): a mail to a segment's members who agreed to marketing, in one or two variants
-- (A/B) of subject and text, sent now or at a time; each recipient has a random token for the open pixel,
-- the tracked links and the one-click unsubscribe. Orders keep the UTM fields of the visit that led to
-- them, so a campaign's paid orders are counted per variant.
CREATE TABLE campaigns (
  id PRIMARY_ID,
  name TEXT NOT NULL,
  segment_id BIGINT REFERENCES segments(id),
  rules TEXT NOT NULL DEFAULT '',       -- the segment's rules when it was sent
  subject_a TEXT NOT NULL,
  body_a TEXT NOT NULL,
  subject_b TEXT NOT NULL DEFAULT '',   -- '': no B variant
  body_b TEXT NOT NULL DEFAULT '',
  link_path TEXT NOT NULL DEFAULT '/',  -- where the mail's button leads (a path of the store)
  coupon_code TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sent')),
  scheduled_at TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  recipients INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX campaigns_due ON campaigns(status, scheduled_at);

CREATE TABLE campaign_recipients (
  id PRIMARY_ID,
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  variant TEXT NOT NULL CHECK (variant IN ('a', 'b')),
  token TEXT NOT NULL UNIQUE,
  opened_at TEXT,
  clicked_at TEXT,
  unsubscribed_at TEXT,
  UNIQUE (campaign_id, user_id)
);

-- Mail with an HTML part (campaigns) and a one-click unsubscribe address (RFC 8058).
ALTER TABLE outbox ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT NOT NULL DEFAULT '';

-- The visit's UTM fields (from a campaign's link, or any link carrying utm_*), for attribution.
ALTER TABLE orders ADD COLUMN utm_source TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN utm_medium TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN utm_campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN utm_content TEXT NOT NULL DEFAULT '';
CREATE INDEX orders_utm ON orders(utm_campaign, utm_content);
