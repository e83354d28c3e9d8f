-- A show's chat moderators (issue 18): people the host names (by their account's email) who may delete
-- messages, mute and ban in that show's chat without running the show (no pins, deals or stream key).
CREATE TABLE live_moderators (
  show_id BIGINT NOT NULL REFERENCES live_shows(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  added_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (show_id, user_id)
);
