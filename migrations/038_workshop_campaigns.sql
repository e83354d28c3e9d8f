-- A workshop's campaigns (issue 13, the academy's practice): written in the console and sent only as tests
-- to their author (a workshop never mails the hub's customers); any campaign's latest test send.
ALTER TABLE campaigns ADD COLUMN workshop_id BIGINT REFERENCES workshops(id);
ALTER TABLE campaigns ADD COLUMN tested_at TEXT;
