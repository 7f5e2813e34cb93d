package io.migrationsafety.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.sql.UpDownPairFormat;
import io.migrationsafety.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans over a whole migration set: hand-written down scripts checked, a realistic migration reversed. */
class RollbacksTest {

  @TempDir
  Path dir;

  private List<RollbackPlan> plans(String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    MigrationSet set = new UpDownPairFormat().read(dir);
    return Rollbacks.plan(set, Schema.empty());
  }

  @Test
  void down_script_that_reverses_its_up_script_passes() throws IOException {
    List<RollbackPlan> plans = plans(
        "000001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);",
        "000001_users.down.sql", "DROP TABLE users;",
        "000002_email_index.up.sql", "CREATE INDEX users_email_idx ON users (email);",
        "000002_email_index.down.sql", "DROP INDEX users_email_idx;");
    assertThat(plans).hasSize(2);
    assertThat(plans).allSatisfy(p -> {
      assertThat(p.downScriptCheck()).get().extracting(RollbackCheck::restoresSchema).isEqualTo(true);
      assertThat(p.reversible()).isTrue();
      assertThat(p.check().restoresSchema()).isTrue();
    });
  }

  @Test
  void only_the_pending_migrations_are_planned_on_a_database_that_has_the_applied_ones() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);");
    Files.writeString(dir.resolve("000002_email_index.up.sql"), "CREATE INDEX users_email_idx ON users (email);");
    MigrationSet read = new UpDownPairFormat().read(dir);
    MigrationSet applied = read.withApplied(new io.migrationsafety.format.AppliedState("test history",
        java.util.Set.of(read.migrations().get(0).id()), List.of()));
    Schema withUsers = RollbackVerifier.replay(Schema.empty(),
        io.migrationsafety.parse.SqlParser.parse(read.migrations().get(0).upScript(), "x"), "public", new ArrayList<>());

    List<RollbackPlan> plans = Rollbacks.plan(applied, withUsers);

    assertThat(plans).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("000002_email_index.up.sql");
      assertThat(p.check().restoresSchema()).isTrue();
      assertThat(p.sql()).contains("DROP INDEX");
    });
  }

  @Test
  void down_script_that_misses_something_names_it() throws IOException {
    List<RollbackPlan> plans = plans(
        "000001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);",
        "000002_more.up.sql", """
            ALTER TABLE users ADD COLUMN name text;
            CREATE INDEX users_email_idx ON users (email);
            """,
        "000002_more.down.sql", "ALTER TABLE users DROP COLUMN name;\nDROP INDEX users_nope;");
    assertThat(plans.get(0).downScriptCheck()).isEmpty();
    RollbackCheck down = plans.get(1).downScriptCheck().orElseThrow();
    assertThat(down.restoresSchema()).isFalse();
    assertThat(down.differences()).containsExactly("index public.users_email_idx exists in the rolled-back schema but not in the schema before the migration");
    assertThat(down.problems()).singleElement().asString().startsWith("line 2: ").contains("users_nope");
    assertThat(plans.get(1).check().restoresSchema()).isTrue();
  }

  @Test
  void realistic_migration_of_twenty_statements_is_reversed_and_checked() throws IOException {
    List<RollbackPlan> plans = plans(
        "000001_base.up.sql", """
            CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL, legacy_code varchar(20));
            CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, total numeric(10,2));
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            """,
        "000002_release.up.sql", """
            SET lock_timeout = '3s';
            CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
            ALTER TABLE orders ADD COLUMN status order_status NOT NULL DEFAULT 'new';
            ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
            ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
              REFERENCES customers (id) NOT VALID;
            ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
            ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
            ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;
            ALTER TABLE customers RENAME COLUMN name TO full_name;
            ALTER TABLE customers DROP COLUMN legacy_code;
            ALTER TABLE customers ADD COLUMN email text;
            CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
            DROP INDEX orders_customer_idx;
            CREATE INDEX orders_customer_status_idx ON orders (customer_id, status) WHERE status <> 'shipped';
            ALTER TABLE orders ADD CHECK (total >= 0);
            CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status <> 'shipped';
            CREATE TABLE order_notes (id bigint GENERATED ALWAYS AS IDENTITY, order_id bigint REFERENCES orders);
            COMMENT ON TABLE order_notes IS 'free text';
            GRANT SELECT ON open_orders TO reporting;
            RESET lock_timeout;
            """);
    RollbackPlan release = plans.get(1);
    assertThat(release.steps()).hasSize(20);
    assertThat(release.reversible()).isTrue();
    assertThat(release.check().differences()).isEmpty();
    assertThat(release.check().problems()).isEmpty();
    assertThat(release.dataLoss()).singleElement().asString().startsWith("line 11: data is not restored");
    assertThat(release.sql())
        .startsWith("-- line 21\nSET lock_timeout = '3s';\n-- line 20\nREVOKE SELECT ON TABLE open_orders FROM reporting;")
        .contains("ALTER TABLE public.orders DROP CONSTRAINT orders_total_check;")
        .contains("CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);")
        .contains("ALTER TABLE public.customers ADD COLUMN legacy_code character varying(20);")
        .contains("ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(10,2) USING total::numeric(10,2);")
        .endsWith("DROP TYPE public.order_status;\n-- line 1\nRESET lock_timeout;\n");
  }
}
