-- A nullable column without a default: a catalog change, no rewrite.
ALTER TABLE orders ADD COLUMN note text;
