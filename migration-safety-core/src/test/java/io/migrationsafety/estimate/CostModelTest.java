package io.migrationsafety.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model on round rates, so that every number can be checked by hand. */
class CostModelTest {

  // 1 µs per byte scanned, 2 µs per byte rewritten, 1 µs per row indexed (+0.1 µs per key byte
  // beyond 8), concurrent 2x, 3 µs per row FK, 10 µs per row updated (+5 per extra index),
  // 4 µs per row deleted, 1 µs per row inserted, 1 ms per catalog change, 100 bytes per row.
  private static final Rates RATES = new Rates(0.001, 0.002, 0.001, 0.0001, 2, 0.003, 0.010, 0.005, 0.004, 0.001,
      1, 100, "test");
  private static final CostModel MODEL = new CostModel(RATES);
  private static final Schema SCHEMA = replay("""
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text, total integer);
      CREATE INDEX orders_customer ON orders (customer_id);
      CREATE TABLE customers (id bigint PRIMARY KEY);
      """);
  /** orders: a million rows in 100 MB; customers: size unknown. */
  private static final Map<QualifiedName, TableStats> SIZES = Map.of(
      QualifiedName.of("public", "orders"), new TableStats(1_000_000L, 100_000_000L, 2));

  private static Schema replay(String sql) {
    Schema schema = Schema.empty();
    for (var s : SqlParser.parse(sql, "schema.sql").statements()) {
      for (Operation op : s.operations()) {
        schema = SchemaReplayer.apply(schema, op, "public").after();
      }
    }
    return schema;
  }

  private static Estimate estimate(String sql) {
    Estimate total = null;
    for (var s : SqlParser.parse(sql, "m.sql").statements()) {
      for (Operation op : s.operations()) {
        List<LockEffect> effects = LockModel.effects(op, SCHEMA, "public", 16);
        Estimate e = MODEL.estimate(op, effects, SCHEMA, "public",
            name -> SIZES.getOrDefault(name, TableStats.unknown(0)));
        total = total == null ? e : total.plus(e);
      }
    }
    return total;
  }

  @Test
  void a_rewrite_copies_the_bytes_and_rebuilds_every_index() {
    // 100 MB x 2 µs + 2 indexes x 1 M rows x 1 µs = 200 s + 2 s
    Estimate e = estimate("ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    assertThat(e.durationMs()).isEqualTo(202_000 + 1);
    assertThat(e.basis()).contains("rewrite of public.orders (1 M rows, 95.4 MB) and its 2 indexes");
  }

  @Test
  void a_validation_scan_reads_the_bytes() {
    assertThat(estimate("ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0);").durationMs())
        .isEqualTo(100_000 + 1);
    assertThat(estimate("ALTER TABLE orders ALTER COLUMN total SET NOT NULL;").durationMs()).isEqualTo(100_000 + 1);
    assertThat(estimate("ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;").durationMs())
        .isEqualTo(1);
  }

  @Test
  void index_builds_depend_on_rows_key_width_and_concurrency() {
    assertThat(estimate("CREATE INDEX a ON orders (customer_id);").durationMs()).isEqualTo(1_000);
    // text: the 24-byte default width: 1 µs + 16 x 0.1 µs per row
    assertThat(estimate("CREATE INDEX a ON orders (note);").durationMs()).isEqualTo(2_600);
    assertThat(estimate("CREATE INDEX CONCURRENTLY a ON orders (customer_id);").durationMs()).isEqualTo(2_000);
    assertThat(estimate("CREATE INDEX a ON orders USING gin (note gin_trgm_ops);").known()).isFalse();
  }

  @Test
  void foreign_keys_cost_per_referencing_row_unless_not_valid() {
    assertThat(estimate("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);")
        .durationMs()).isEqualTo(3_000);
    assertThat(estimate("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) "
        + "NOT VALID;").durationMs()).isEqualTo(1);
  }

  @Test
  void backfills_cost_per_row_touched_and_an_open_where_is_a_ceiling() {
    // every row: 1 M x (10 + 5 x 1 extra index) µs + 1 ms
    Estimate all = estimate("UPDATE orders SET total = 0;");
    assertThat(all.durationMs()).isEqualTo(15_001);
    assertThat(all.upperBound()).isFalse();
    Estimate open = estimate("UPDATE orders SET total = 0 WHERE total IS NULL;");
    assertThat(open.durationMs()).isEqualTo(15_001);
    assertThat(open.upperBound()).isTrue();
    Estimate batch = estimate("UPDATE orders SET total = 0 WHERE id BETWEEN 1 AND 10000;");
    assertThat(batch.durationMs()).isEqualTo(151);
    assertThat(batch.basis()).contains("a batch of at most 10 k rows");
    assertThat(estimate("UPDATE orders SET total = 0 WHERE id >= 1 AND id < 1001;").durationMs()).isEqualTo(16);
    assertThat(estimate("DELETE FROM orders;").durationMs()).isEqualTo(4_001);
  }

  @Test
  void unknown_sizes_give_no_number_and_say_why() {
    Estimate e = estimate("UPDATE customers SET id = id;");
    assertThat(e.known()).isFalse();
    assertThat(e.basis()).isEqualTo("unknown size of public.customers");
    assertThat(estimate("INSERT INTO customers SELECT id FROM orders;").known()).isFalse();
  }

  @Test
  void catalog_changes_cost_the_calibrated_constant() {
    assertThat(estimate("ALTER TABLE orders ADD COLUMN flag boolean;").durationMs()).isEqualTo(1);
    assertThat(estimate("INSERT INTO customers VALUES (1), (2);").durationMs()).isEqualTo(1);
  }

  @Test
  void sizes_read_as_people_write_them() {
    assertThat(Sizes.count(48_000_000)).isEqualTo("48 M");
    assertThat(Sizes.bytes(9.1 * 1024 * 1024 * 1024)).isEqualTo("9.1 GB");
    assertThat(Sizes.duration(360_000)).isEqualTo("6 min");
    assertThat(Sizes.duration(1_200)).isEqualTo("1.2 s");
    assertThat(Sizes.duration(42)).isEqualTo("42 ms");
  }
}
