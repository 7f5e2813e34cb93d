-- COMMENT ON: the kind is checked, the target kept as written.
COMMENT ON TABLE orders IS 'Customer orders';
COMMENT ON COLUMN public.orders.status IS E'Order status:\n new, paid, shipped';
COMMENT ON INDEX idx_orders_created_at IS NULL;
COMMENT ON MATERIALIZED VIEW "Daily" IS $$It's daily$$;
COMMENT ON FUNCTION add(int, int) IS 'Adds';
COMMENT ON CONSTRAINT positive ON DOMAIN money_amount IS 'Must be positive';
COMMENT ON TRIGGER audit ON orders IS 'Audits';
COMMENT ON CAST (bigint AS int4) IS 'narrowing';
COMMENT ON OPERATOR ^ (integer, integer) IS 'power';
COMMENT ON EXTENSION "uuid-ossp" IS 'UUIDs';
COMMENT ON ROLE app IS 'The application';
COMMENT ON LARGE OBJECT 12345 IS 'blob';
COMMENT ON SCHEMA reporting IS '';
COMMENT ON TABLE t IS 'x' extra;
COMMENT ON WIDGET w IS 'x';
COMMENT ON TABLE IS 'x';
COMMENT ON TABLE t IS 42;
