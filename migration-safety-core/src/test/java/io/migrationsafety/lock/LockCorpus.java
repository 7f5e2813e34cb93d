package io.migrationsafety.lock;

import java.util.List;

/** The statements whose locks are checked on the server, and the schema they run on. */
final class LockCorpus {

  /** A statement and the first major version it runs on. */
  record Case(String sql, int since) {}

  static final String SETUP = """
      SET TimeZone = 'America/New_York';
      CREATE SCHEMA other;
      CREATE TYPE mood AS ENUM ('sad', 'ok');
      CREATE DOMAIN posint AS int;
      CREATE TABLE parent (id int PRIMARY KEY, name text);
      CREATE TABLE child (id int PRIMARY KEY, parent_id int, flag int, ts timestamp, net cidr,
          CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id));
      CREATE TABLE items (id int, code varchar(20), body text, qty int, price numeric(8,2), at timestamp(3),
          CONSTRAINT items_qty_check CHECK (qty IS NOT NULL));
      CREATE INDEX items_code_idx ON items (code);
      CREATE TABLE orders (id int PRIMARY KEY, item_id int);
      ALTER TABLE orders ADD CONSTRAINT orders_item_fk FOREIGN KEY (item_id) REFERENCES parent (id) NOT VALID;
      ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price > 0) NOT VALID;
      CREATE TABLE events (id int, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE events_2025 (id int, day date);
      CREATE TABLE base (id int);
      CREATE TABLE derived (id int);
      CREATE TABLE dom (v posint);
      CREATE MATERIALIZED VIEW mv AS SELECT id FROM parent;
      CREATE UNIQUE INDEX mv_id ON mv (id);
      CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER items_trg BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION trg();
      INSERT INTO parent VALUES (1, 'a'), (2, 'b');
      INSERT INTO child VALUES (1, 1, 1, '2024-05-01 10:00', '10.0.0.0/8');
      INSERT INTO items VALUES (1, 'c1', 'body', 3, 2.50, '2024-05-01 10:00');
      INSERT INTO orders VALUES (1, 1);
      INSERT INTO events VALUES (1, '2024-03-01');
      INSERT INTO events_2025 VALUES (1, '2025-03-01');
      INSERT INTO dom VALUES (5);
      """;

  static final List<Case> CASES = List.of(
      // ALTER TABLE: columns
      c("ALTER TABLE items ADD COLUMN c1 int"),
      c("ALTER TABLE items ADD COLUMN c2 int DEFAULT 0"),
      c("ALTER TABLE items ADD COLUMN c2 int NOT NULL DEFAULT 0"),
      c("ALTER TABLE items ADD COLUMN c3 timestamptz DEFAULT clock_timestamp()"),
      c("ALTER TABLE items ADD COLUMN c4 serial"),
      c("ALTER TABLE items ADD COLUMN c5 int GENERATED ALWAYS AS IDENTITY"),
      c("ALTER TABLE items ADD COLUMN c6 int GENERATED ALWAYS AS (qty * 2) STORED"),
      c("ALTER TABLE items ADD COLUMN c7 int REFERENCES parent (id)"),
      c("ALTER TABLE items ADD COLUMN c8 int UNIQUE"),
      c("ALTER TABLE items ADD COLUMN a int, ADD COLUMN b int DEFAULT (random() * 10)::int"),
      c("ALTER TABLE items DROP COLUMN body"),
      c("ALTER TABLE items RENAME COLUMN body TO body2"),
      c("ALTER TABLE items ALTER COLUMN code TYPE varchar(50)"),
      c("ALTER TABLE items ALTER COLUMN code TYPE text"),
      c("ALTER TABLE items ALTER COLUMN code TYPE varchar(5)"),
      c("ALTER TABLE items ALTER COLUMN qty TYPE bigint"),
      c("ALTER TABLE items ALTER COLUMN price TYPE numeric(10,2)"),
      c("ALTER TABLE items ALTER COLUMN price TYPE numeric(10,3)"),
      c("ALTER TABLE items ALTER COLUMN at TYPE timestamp(6)"),
      c("ALTER TABLE child ALTER COLUMN net TYPE inet"),
      c("ALTER TABLE child ALTER COLUMN ts TYPE timestamptz"),
      c("ALTER TABLE items ALTER COLUMN qty SET DEFAULT 1"),
      c("ALTER TABLE items ALTER COLUMN qty DROP DEFAULT"),
      c("ALTER TABLE items ALTER COLUMN qty SET NOT NULL"),
      c("ALTER TABLE child ALTER COLUMN flag SET NOT NULL"),
      c("ALTER TABLE items ALTER COLUMN qty DROP NOT NULL"),
      c("ALTER TABLE child ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"),
      c("ALTER TABLE items ALTER COLUMN qty SET STATISTICS 100"),
      c("ALTER TABLE items ALTER COLUMN qty SET (n_distinct = 10)"),
      c("ALTER TABLE items ALTER COLUMN body SET STORAGE EXTERNAL"),
      v(14, "ALTER TABLE items ALTER COLUMN body SET COMPRESSION pglz"),
      // ALTER TABLE: constraints
      c("ALTER TABLE items ADD CONSTRAINT items_qty_pos CHECK (qty > 0)"),
      c("ALTER TABLE items ADD CONSTRAINT items_qty_pos CHECK (qty > 0) NOT VALID"),
      c("ALTER TABLE items ADD CONSTRAINT items_pk PRIMARY KEY (id)"),
      c("ALTER TABLE items ADD CONSTRAINT items_code_uq UNIQUE (code)"),
      c("ALTER TABLE child ADD CONSTRAINT child_flag_fk FOREIGN KEY (flag) REFERENCES parent (id)"),
      c("ALTER TABLE child ADD CONSTRAINT child_flag_fk FOREIGN KEY (flag) REFERENCES parent (id) NOT VALID"),
      c("ALTER TABLE child DROP CONSTRAINT child_parent_fk"),
      c("ALTER TABLE items DROP CONSTRAINT items_qty_check"),
      c("ALTER TABLE orders VALIDATE CONSTRAINT orders_item_fk"),
      c("ALTER TABLE items VALIDATE CONSTRAINT items_price_check"),
      c("ALTER TABLE items RENAME CONSTRAINT items_qty_check TO items_qty_present"),
      c("ALTER TABLE child ALTER CONSTRAINT child_parent_fk DEFERRABLE"),
      // PostgreSQL 18: virtual generated columns (the default kind), NOT NULL constraints that can
      // be NOT VALID, and foreign keys that can be made NOT ENFORCED
      v(18, "ALTER TABLE items ADD COLUMN v1 int GENERATED ALWAYS AS (qty * 2) VIRTUAL"),
      v(18, "ALTER TABLE items ADD COLUMN v2 int GENERATED ALWAYS AS (qty * 2)"),
      v(18, "ALTER TABLE items ADD CONSTRAINT items_body_nn NOT NULL body NOT VALID"),
      v(18, "ALTER TABLE child ALTER CONSTRAINT child_parent_fk NOT ENFORCED"),
      // ALTER TABLE: partitions, storage, table-level settings
      c("ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
      c("ALTER TABLE events DETACH PARTITION events_2024"),
      // ALTER TABLE on a partitioned table: column and constraint changes recurse into the partitions
      c("ALTER TABLE events ADD COLUMN note text"),
      c("ALTER TABLE events ADD COLUMN seen timestamptz DEFAULT clock_timestamp()"),
      c("ALTER TABLE events ALTER COLUMN id TYPE bigint"),
      c("ALTER TABLE events ADD CONSTRAINT events_id_pos CHECK (id > 0)"),
      c("ALTER TABLE events ALTER COLUMN id SET NOT NULL"),
      c("ALTER TABLE events ALTER COLUMN id SET DEFAULT 0"),
      c("ALTER TABLE events_2024 ADD CONSTRAINT events_2024_id_pos CHECK (id > 0)"),
      c("ALTER TABLE items SET UNLOGGED"),
      c("ALTER TABLE items SET LOGGED"),
      c("ALTER TABLE items ENABLE ROW LEVEL SECURITY"),
      c("ALTER TABLE items DISABLE TRIGGER items_trg"),
      c("ALTER TABLE items SET (fillfactor = 70)"),
      c("ALTER TABLE items SET (autovacuum_enabled = false)"),
      c("ALTER TABLE items SET (parallel_workers = 2)"),
      c("ALTER TABLE items RESET (fillfactor)"),
      c("ALTER TABLE items SET (user_catalog_table = false)"),
      c("ALTER TABLE items CLUSTER ON items_code_idx"),
      c("ALTER TABLE items SET WITHOUT CLUSTER"),
      c("ALTER TABLE derived INHERIT base"),
      c("ALTER TABLE items REPLICA IDENTITY FULL"),
      v(15, "ALTER TABLE items SET ACCESS METHOD heap"),
      c("ALTER TABLE items SET TABLESPACE spare"),
      c("ALTER INDEX items_code_idx SET TABLESPACE spare"),
      c("ALTER TABLE items RENAME TO items2"),
      c("ALTER TABLE items SET SCHEMA other"),
      c("ALTER TABLE items OWNER TO postgres"),
      // Indexes
      c("CREATE INDEX items_qty_idx ON items (qty)"),
      c("CREATE INDEX events_id_idx ON events (id)"),
      c("DROP INDEX items_code_idx"),
      c("REINDEX INDEX items_code_idx"),
      c("REINDEX TABLE items"),
      c("ALTER INDEX items_code_idx RENAME TO items_code_idx2"),
      c("ALTER INDEX items_code_idx SET (fillfactor = 80)"),
      // Other statements
      c("CREATE TABLE t2 (id int REFERENCES parent (id))"),
      c("CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
      c("CREATE TABLE items_like (LIKE items)"),
      c("DROP TABLE child"),
      c("DROP TABLE events_2024"),
      c("TRUNCATE items"),
      c("TRUNCATE parent CASCADE"),
      c("LOCK TABLE items IN SHARE MODE"),
      c("LOCK TABLE items"),
      c("ANALYZE items"),
      c("CLUSTER items USING items_code_idx"),
      c("REFRESH MATERIALIZED VIEW mv"),
      c("REFRESH MATERIALIZED VIEW CONCURRENTLY mv"),
      c("ALTER MATERIALIZED VIEW mv RENAME TO mv2"),
      c("COMMENT ON TABLE items IS 'x'"),
      c("COMMENT ON COLUMN items.qty IS 'x'"),
      c("CREATE TRIGGER items_trg2 AFTER UPDATE ON items FOR EACH ROW EXECUTE FUNCTION trg()"),
      c("DROP TRIGGER items_trg ON items"),
      c("CREATE POLICY items_all ON items USING (true)"),
      v(12, "ALTER TYPE mood ADD VALUE 'happy'"),
      c("ALTER DOMAIN posint ADD CONSTRAINT posint_positive CHECK (VALUE > 0)"),
      c("GRANT SELECT ON items TO PUBLIC"),
      // DML and queries
      c("INSERT INTO items (id, qty) VALUES (5, 1)"),
      c("UPDATE items SET qty = 2"),
      c("DELETE FROM items WHERE id = 99"),
      c("SELECT * FROM items"),
      c("SELECT * FROM items FOR UPDATE"));

  private LockCorpus() {}

  private static Case c(String sql) {
    return new Case(sql, 11);
  }

  private static Case v(int since, String sql) {
    return new Case(sql, since);
  }
}
