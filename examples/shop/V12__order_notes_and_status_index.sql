-- Notes on orders, and a faster lookup by status.
ALTER TABLE orders ADD COLUMN note text;

CREATE INDEX orders_status_idx ON orders (status);
