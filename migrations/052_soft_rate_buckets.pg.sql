-- Rate buckets are soft state (issue 16): a bucket lost in a crash only refills early, so on PostgreSQL the
-- table is UNLOGGED. Its writes go to no write-ahead log, and a transaction that writes only here (every
-- rate-limited request's one statement) commits without waiting for a disk sync: it was one of the three
-- syncs in each add-and-order. After a crash PostgreSQL empties the table; standbys do not copy it, so a
-- promoted standby starts with full buckets too. A clean restart keeps it.
ALTER TABLE rate_buckets SET UNLOGGED;
