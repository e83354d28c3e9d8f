-- A rehearsal (issue 13): a private show that only its host and the operator see, as the academy's
-- practice task asks ("a private show with at least 5 minutes of stream and one pinned piece"). Not
-- listed on /live, its page answers 404 to anyone else, and no reminders go out.
ALTER TABLE live_shows ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0;
