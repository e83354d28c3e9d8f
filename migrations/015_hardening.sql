-- Hardening (issue 20).
-- An order keeps a SHA-256 of the request that placed it, so a replayed Idempotency-Key (or checkout
-- form key) with a different request is refused (422) instead of answering the old order silently.
ALTER TABLE orders ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';
-- API tokens expire (90 days unless said otherwise); the account page and the API list and revoke them.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '9999-12-31T00:00:00Z';
