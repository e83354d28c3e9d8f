-- The academy (issue 13): courses with their practice tasks, sessions (a time, a place or a video link,
-- an instructor, seats), materials, enrolments of workshop staff (enrolled or on the waiting list, a
-- random token for the QR check-in at the door, attendance) and completion certificates (a number and
-- the signed credential).
CREATE TABLE courses (
  id PRIMARY_ID,
  slug TEXT NOT NULL UNIQUE,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_ko TEXT NOT NULL DEFAULT '',
  summary_en TEXT NOT NULL DEFAULT '',
  tasks TEXT NOT NULL DEFAULT '',   -- practice task kinds, space separated (academy/rules.hpp)
  created_at TEXT NOT NULL
);

CREATE TABLE course_sessions (
  id PRIMARY_ID,
  course_id BIGINT NOT NULL REFERENCES courses(id),
  starts_at TEXT NOT NULL,          -- UTC
  place TEXT NOT NULL DEFAULT '',
  video_url TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  instructor_id BIGINT REFERENCES users(id),
  reminded_at TEXT,                 -- when the day-before reminders were queued
  created_at TEXT NOT NULL
);
CREATE INDEX course_sessions_course ON course_sessions(course_id, starts_at);

CREATE TABLE course_materials (
  id PRIMARY_ID,
  course_id BIGINT NOT NULL REFERENCES courses(id),
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'video', 'link'))
);

CREATE TABLE enrolments (
  id PRIMARY_ID,
  session_id BIGINT NOT NULL REFERENCES course_sessions(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  enrolled_by BIGINT NOT NULL REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('enrolled', 'waiting', 'cancelled')),
  checkin_token TEXT NOT NULL UNIQUE,
  attended_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (session_id, user_id)
);
CREATE INDEX enrolments_user ON enrolments(user_id);

CREATE TABLE course_certificates (
  id PRIMARY_ID,
  number TEXT NOT NULL UNIQUE,
  course_id BIGINT NOT NULL REFERENCES courses(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,               -- the trainee's name when issued
  workshop TEXT NOT NULL DEFAULT '',
  issued_at TEXT NOT NULL,
  credential TEXT NOT NULL,         -- the signed credential (JSON)
  log_index BIGINT NOT NULL,        -- its entry in the transparency log
  UNIQUE (course_id, user_id)
);
