-- The safe way: no long locks.
SET lock_timeout = '5s';

CREATE TABLE refunds (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id  bigint NOT NULL,
    amount_cents bigint NOT NULL
);

ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_order_fk;

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

COMMENT ON TABLE refunds IS 'Money returned to customers; one row per refund.';
