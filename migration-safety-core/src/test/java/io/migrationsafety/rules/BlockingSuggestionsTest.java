package io.migrationsafety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every finding that blocks carries a safe alternative, as SQL the parser reads, across every
 * built-in rule at once, on a
 * set of migrations full of hazards (each rule's own page example is held the same way by
 * {@link RuleCatalogTest}); and the hazards here reach most blocking rules.
 */
class BlockingSuggestionsTest {

  private static final String SCHEMA = """
      CREATE TYPE status AS ENUM ('new', 'paid', 'legacy');
      CREATE TABLE customers (id bigint PRIMARY KEY, email text);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer, status status, total int, note text);
      CREATE TABLE logs (line text);
      CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
      CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE events_2025 (id bigint, day date);
      CREATE INDEX orders_total_idx ON orders (total);
      """;

  private static final List<String> MIGRATIONS = List.of("""
      CREATE INDEX orders_note_idx ON orders (note);
      DROP INDEX orders_total_idx;
      REINDEX TABLE orders;
      ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
      ALTER TABLE orders ADD COLUMN seq bigserial;
      ALTER TABLE orders ADD COLUMN region text NOT NULL;
      ALTER TABLE orders ALTER COLUMN total TYPE bigint;
      ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
      ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
      ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0);
      ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
      UPDATE logs SET line = 'x';
      DELETE FROM orders;
      INSERT INTO logs (line) SELECT note FROM orders;
      ALTER TABLE orders RENAME COLUMN note TO remark;
      ALTER TABLE orders DROP COLUMN remark;
      ALTER TABLE logs RENAME TO log_lines;
      TRUNCATE customers CASCADE;
      VACUUM FULL orders;
      ALTER TABLE orders SET UNLOGGED;
      ALTER TYPE status RENAME VALUE 'paid' TO 'settled';
      ALTER TYPE status ADD VALUE 'void';
      UPDATE orders SET status = 'void' WHERE id = 1;
      ALTER TABLE orders ADD COLUMN created timestamp;
      ALTER TABLE orders ALTER COLUMN created SET NOT NULL;
      CREATE INDEX CONCURRENTLY events_id_idx ON events (id);
      ALTER TABLE orders ALTER COLUMN gone TYPE text;
      DROP TABLE log_lines;
      DROP SCHEMA archive CASCADE;
      -- migration-safety:ignore require-concurrent-index
      CREATE INDEX orders_status_idx ON orders (status);
      BEGIN;
      ALTER TABLE orders ADD COLUMN flag boolean;
      UPDATE orders SET flag = false;
      """, """
      -- migration-safety:no-transaction
      CREATE TYPE status_v2 AS ENUM ('new', 'paid');
      ALTER TABLE orders ALTER COLUMN status TYPE status_v2 USING status::text::status_v2;
      ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
      CREATE INDEX CONCURRENTLY events_id_idx ON events (id);
      """);

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {13, 16, 18})
  void every_blocking_finding_says_how_to_do_it_safely(int version) {
    Schema schema = Schema.empty();
    for (ParsedStatement s : SqlParser.parse(SCHEMA, "schema.sql").statements()) {
      for (Operation op : s.operations()) {
        schema = SchemaReplayer.apply(schema, op, "public").after();
      }
    }
    for (var table : schema.tables().values()) {
      schema = schema.withTable(table.withSize(null, null)); // sizes unknown: large
    }
    Path dir = Path.of("/migrations");
    List<Migration> migrations = new ArrayList<>();
    for (int i = 0; i < MIGRATIONS.size(); i++) {
      String name = "V" + (i + 1) + "__hazards.sql";
      String sql = MIGRATIONS.get(i);
      migrations.add(new Migration(String.valueOf(i + 1), MigrationVersion.leading(name), "hazards", dir.resolve(name),
          sql, null, null, !sql.startsWith("-- migration-safety:no-transaction")));
    }
    ReviewEngine engine = new ReviewEngine(RuleRegistry.builtIn(), Policy.defaults().withPostgresVersion(version),
        schema, true);
    List<Finding> findings = engine.review(new MigrationSet("plain-sql", dir, migrations)).findings();

    Set<String> blocking = new TreeSet<>();
    for (Finding f : findings) {
      if (f.severity() == Severity.BLOCKED) {
        blocking.add(f.rule());
        assertThat(f.suggestion()).as("%s at line %d: %s", f.rule(), f.line(), f.message()).isNotBlank();
        assertThat(SqlParser.parse(f.suggestion(), "suggestion.sql").unrecognizedCount())
            .as("statements the parser does not read in the suggestion of %s: %s", f.rule(), f.suggestion()).isZero();
      }
    }
    assertThat(blocking).as("blocking rules reached").hasSizeGreaterThanOrEqualTo(27);
  }
}
