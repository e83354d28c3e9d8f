-- Returns at the studio (issue 17): a returned piece is scanned, weighed and photographed again with the
-- views it was packed with (the piece, its serial close-up); the shots are compared with the packing
-- photos (perceptual-hash distance per view, weight difference, a match score) and a person decides
-- accept / reject / escalate with a reason. Each decision is in trust_log; an escalated return is
-- decided again later, accept and reject are final.
CREATE TABLE return_inspections (
  id PRIMARY_ID,
  item_id BIGINT NOT NULL REFERENCES items(id),
  order_number TEXT NOT NULL,
  event_id BIGINT NOT NULL REFERENCES item_events(id), -- its "return_received" event (the photos' event)
  weight_cg INTEGER NOT NULL,           -- weighed again on arrival
  opened_by BIGINT NOT NULL REFERENCES users(id),
  decision TEXT NOT NULL DEFAULT '',    -- '' (open) | accept | reject | escalate
  reason TEXT NOT NULL DEFAULT '',
  score INTEGER NOT NULL DEFAULT 0,     -- the match score when decided, 0-100
  decided_by BIGINT REFERENCES users(id),
  log_index BIGINT NOT NULL DEFAULT -1, -- the decision's entry
  created_at TEXT NOT NULL,
  decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX return_inspections_item ON return_inspections(item_id);
CREATE INDEX return_inspections_order ON return_inspections(order_number);
