-- A cart's or an order's line names its piece and the piece's size as one key (issue 16). Each line had
-- two foreign keys, to products and to variants: two checks per line written, each taking a KEY SHARE lock,
-- and the product's row is the one every shopper buying that piece locks at once during a sale. One key
-- (variant_id, product_id) to variants(id, product_id) checks once, on the variant's row (which the order
-- updates anyway), and says more: the line's product is its size's product, not only some product. The
-- product is still checked through variants' own key to products. Measured in docs/PERFORMANCE.md.
-- Deleting a product still removes its cart lines (products -> variants -> cart_lines, each cascading) and
-- is still refused while order lines name it.
CREATE UNIQUE INDEX variants_id_product ON variants(id, product_id);
ALTER TABLE cart_lines
  DROP CONSTRAINT cart_lines_product_id_fkey,
  DROP CONSTRAINT cart_lines_variant_id_fkey,
  ADD CONSTRAINT cart_lines_piece_fkey FOREIGN KEY (variant_id, product_id)
    REFERENCES variants(id, product_id) ON DELETE CASCADE;
ALTER TABLE order_lines
  DROP CONSTRAINT order_lines_product_id_fkey,
  DROP CONSTRAINT order_lines_variant_id_fkey,
  ADD CONSTRAINT order_lines_piece_fkey FOREIGN KEY (variant_id, product_id) REFERENCES variants(id, product_id);
