-- The audit trail's before and after (issue 15): for the changes whose route names the state it changes
-- (web::Route::state_from), what changed, one "path: before → after" line per value (audit::changes).
-- Appended with the entry like every other column; the table still refuses updates and deletes.
ALTER TABLE audit_log ADD COLUMN changes TEXT NOT NULL DEFAULT '';
