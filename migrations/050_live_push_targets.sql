-- Simulcast (issue 18): a show's RTMP push targets (YouTube Live, Naver Shopping Live, Kakao, any RTMP
-- ingest). The platform's stream key is kept sealed (libsodium secretbox under a key derived from the
-- installation's issuer key); the panel shows only its last characters. state is what the relay said
-- last (idle, connecting, live, failed, stopped) and detail why it failed.
CREATE TABLE live_push_targets (
  id PRIMARY_ID,
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  label TEXT NOT NULL,
  url TEXT NOT NULL,
  key_sealed TEXT NOT NULL,
  key_hint TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'idle',
  detail TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  added_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX live_push_targets_show ON live_push_targets (show_id);
