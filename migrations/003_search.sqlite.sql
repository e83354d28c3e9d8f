-- SQLite: FTS5 with the trigram tokenizer over product_search.body (substring and typo-tolerant
-- matching by shared trigrams). Kept in step by the catalog repo.
CREATE VIRTUAL TABLE product_fts USING fts5(body, tokenize = 'trigram');
