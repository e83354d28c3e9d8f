-- Live commerce (issue 18). A show: its host (a workshop, or the hub when workshop_id is NULL), titles,
-- schedule, state, and the hash of its stream key (nginx-rtmp's on_publish sends the key; the key itself
-- is shown once to the host and never stored).
CREATE TABLE live_shows (
  id PRIMARY_ID,
  slug TEXT NOT NULL UNIQUE,
  workshop_id BIGINT REFERENCES workshops(id),
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_ko TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  scheduled_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'scheduled',  -- scheduled | live | ended | cancelled
  stream_key_hash TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  replay_url TEXT NOT NULL DEFAULT '',      -- an HLS playlist kept after the show (VOD)
  slow_mode_seconds INTEGER NOT NULL DEFAULT 0,
  banned_words TEXT NOT NULL DEFAULT '',    -- one per line
  notice TEXT NOT NULL DEFAULT '',          -- the host's pinned notice
  reminded_at TEXT,                         -- when the reminder mails were queued
  peak_viewers INTEGER NOT NULL DEFAULT 0,
  watch_seconds BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX live_shows_state ON live_shows(state, scheduled_at);

-- The line-up: the pieces a show presents, in order.
CREATE TABLE live_lineup (
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (show_id, product_id)
);

-- "Now showing": when the host pinned a piece; after the show these are the replay's chapters.
CREATE TABLE live_chapters (
  id PRIMARY_ID,
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  at TEXT NOT NULL
);
CREATE INDEX live_chapters_show ON live_chapters(show_id, id);

-- Live-only deals: one variant at a deal price, a limited quantity (sold counts up atomically: a unit
-- is sold once, on any node), a per-customer limit, and a window decided by the server clock.
CREATE TABLE live_deals (
  id PRIMARY_ID,
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  variant_id BIGINT NOT NULL REFERENCES variants(id),
  price BIGINT NOT NULL,
  quantity INTEGER NOT NULL,
  sold INTEGER NOT NULL DEFAULT 0,
  per_customer INTEGER NOT NULL DEFAULT 1,
  duration_seconds INTEGER NOT NULL,
  starts_at TEXT,                           -- NULL until the host starts it
  ends_at TEXT,
  created_at TEXT NOT NULL,
  CHECK (sold <= quantity)
);
CREATE INDEX live_deals_show ON live_deals(show_id);

-- Each unit bought in a deal, with the order it made (per-customer limits count these).
CREATE TABLE live_deal_orders (
  id PRIMARY_ID,
  deal_id BIGINT NOT NULL REFERENCES live_deals(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  quantity INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX live_deal_orders_deal ON live_deal_orders(deal_id, user_id);

-- Chat, kept to replay in step with the video; a moderator's deletion hides a message (deleted_by).
CREATE TABLE live_chat (
  id PRIMARY_ID,
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  at TEXT NOT NULL,
  deleted_by BIGINT REFERENCES users(id)
);
CREATE INDEX live_chat_show ON live_chat(show_id, id);

-- Moderation: a muted person reads but cannot write until muted_until; a banned one cannot rejoin.
CREATE TABLE live_moderation (
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  muted_until TEXT,
  banned INTEGER NOT NULL DEFAULT 0,
  by_user BIGINT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  PRIMARY KEY (show_id, user_id)
);

-- Reminders asked for: mailed ten minutes before the show (once).
CREATE TABLE live_reminders (
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (show_id, user_id)
);
