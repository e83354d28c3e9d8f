-- Exchanges for another size (issue 12). The size wanted is a variant of the same product (the line's own
-- for a like-for-like replacement of a faulty piece); its units are taken from stock when the exchange is
-- asked for (so the size cannot sell out meanwhile) and given back if it is rejected or the returned piece
-- fails inspection. Once the piece is received and accepted, a replacement parcel is opened for the same
-- workshop: a fulfilment to ship whose line copies the exchanged one in the new size at no charge
-- (replaces_line_id), so the workshop ships it, the carrier delivers it and the shopper confirms it like
-- any parcel, while the ledger credits nothing twice.
ALTER TABLE order_returns ADD COLUMN exchange_variant_id BIGINT REFERENCES variants(id);
ALTER TABLE order_returns ADD COLUMN exchange_units INTEGER NOT NULL DEFAULT 0;  -- taken from its stock
ALTER TABLE order_returns ADD COLUMN replacement_id BIGINT REFERENCES fulfilments(id);
ALTER TABLE fulfilments ADD COLUMN replaces_return_id BIGINT REFERENCES order_returns(id);
ALTER TABLE order_lines ADD COLUMN replaces_line_id BIGINT REFERENCES order_lines(id);
