-- PostgreSQL: trigram similarity (pg_trgm) over product_search.body.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX product_search_trgm ON product_search USING gin (body gin_trgm_ops);
