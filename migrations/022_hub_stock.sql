-- Stock follows the items for pieces the hub holds (issue 17): the first intake of a product's piece at the
-- studio makes the product hub-held, its variants' counts start from the items on the shelf, and each item
-- event that puts a piece on the shelf or takes it off moves the count. Workshops that ship directly keep
-- the counts they type.
ALTER TABLE products ADD COLUMN hub_held INTEGER NOT NULL DEFAULT 0;
