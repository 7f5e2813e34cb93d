-- Notes on orders, and a faster lookup by status.
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0;

CREATE INDEX orders_status_idx ON orders (status);
