package io.migrationsafety.schema.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Comment;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.OperationKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.operation.WhereClause;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.schema.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaReplayerTest {

  private static final Schema SAMPLE = SampleOperations.schema();

  @ParameterizedTest
  @EnumSource(OperationKind.class)
  void every_operation_kind_replays_without_an_internal_error(OperationKind kind) {
    Operation op = SampleOperations.of(kind);
    assertThat(op.kind()).isEqualTo(kind);
    ReplayStep onSample = SchemaReplayer.apply(SAMPLE, op, "public");
    assertThat(onSample.problems()).as("on the sample schema").noneMatch(p -> p.contains("could not follow"));
    assertThat(onSample.problems()).as("the sample operation fits the sample schema").isEmpty();
    ReplayStep onEmpty = SchemaReplayer.apply(Schema.empty(), op, "public");
    assertThat(onEmpty.problems()).as("on an empty schema").noneMatch(p -> p.contains("could not follow"));
  }

  @Test
  void the_sample_schema_replays_cleanly() {
    assertThat(Replayed.sql(SampleOperations.SCHEMA_SQL).problems()).isEmpty();
  }

  @Test
  void statements_outside_the_model_change_nothing() {
    for (OperationKind kind : new OperationKind[] {OperationKind.DATA_CHANGE, OperationKind.SET_SETTING,
        OperationKind.TRANSACTION_CONTROL, OperationKind.COMMENT, OperationKind.CHANGE_PRIVILEGES,
        OperationKind.VACUUM, OperationKind.LOCK_TABLE, OperationKind.CREATE_FUNCTION, OperationKind.CREATE_TRIGGER,
        OperationKind.CREATE_POLICY, OperationKind.TRUNCATE, OperationKind.UNRECOGNIZED}) {
      ReplayStep step = SchemaReplayer.apply(SAMPLE, SampleOperations.of(kind), "public");
      assertThat(step.after()).as(kind.name()).isSameAs(SAMPLE);
      assertThat(step.problems()).as(kind.name()).isEmpty();
    }
  }

  @Test
  void unqualified_names_resolve_to_the_default_schema() {
    Schema withApp = Schema.empty().withSchema("app", true);
    ReplayStep step = SchemaReplayer.apply(withApp, SampleOperations.of(OperationKind.CREATE_TABLE), "app");
    assertThat(step.after().tables()).containsOnlyKeys(QualifiedName.of("app", "t"));
  }

  @Test
  void a_null_default_schema_means_public() {
    ReplayStep step = SchemaReplayer.apply(Schema.empty(), SampleOperations.of(OperationKind.CREATE_TABLE), null);
    assertThat(step.after().tables()).containsOnlyKeys(QualifiedName.of("public", "t"));
  }

  @Test
  void a_step_shares_what_it_does_not_change() {
    ReplayStep step = SchemaReplayer.apply(SAMPLE, SampleOperations.of(OperationKind.ADD_COLUMN), "public");
    assertThat(step.after().tables().get(QualifiedName.of("public", "orders")))
        .isSameAs(SAMPLE.tables().get(QualifiedName.of("public", "orders")));
    assertThat(step.after().indexes()).isSameAs(SAMPLE.indexes());
  }

  /** What the statements of the realistic migration that this branch's parser does not read yet do. */
  private static Map<String, Operation> notYetParsed() {
    QualifiedName customers = QualifiedName.of("customers");
    return Map.of(
        "CREATE EXTENSION IF NOT EXISTS pgcrypto", new CreateExtension("pgcrypto", true, null, null, false),
        "CREATE SCHEMA IF NOT EXISTS billing", new CreateSchema("billing", true, null),
        "UPDATE customers SET name = '' WHERE name IS NULL", new DataChange(DmlKind.UPDATE, customers,
            List.of("name"), new WhereClause("name IS NULL", WhereShape.OTHER, List.of("name")), -1, false, false,
            false, List.of()),
        "SET lock_timeout = '5s'", new SetSetting("lock_timeout", "'5s'", false, false),
        "COMMENT ON TABLE clients IS 'people who pay'", new Comment(ObjectType.TABLE, "clients", "people who pay"));
  }

  @Test
  void a_realistic_migration_replays_statement_by_statement() {
    Replayed r = Replayed.sql("""
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        CREATE SCHEMA IF NOT EXISTS billing;
        CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
        CREATE TABLE customers (
          id bigserial PRIMARY KEY,
          email text NOT NULL UNIQUE,
          name text,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE billing.invoices (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
          amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
          status order_status NOT NULL DEFAULT 'pending'
        );
        CREATE INDEX ON billing.invoices (customer_id);
        CREATE INDEX invoices_status_idx ON billing.invoices (status) WHERE status <> 'shipped';
        ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';
        ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'paid';
        ALTER TABLE customers ADD COLUMN phone varchar(32);
        ALTER TABLE customers ADD COLUMN referrer_id bigint;
        ALTER TABLE customers ADD CONSTRAINT customers_referrer_fk FOREIGN KEY (referrer_id) REFERENCES customers NOT VALID;
        ALTER TABLE customers VALIDATE CONSTRAINT customers_referrer_fk;
        CREATE UNIQUE INDEX CONCURRENTLY customers_phone_tmp ON customers (phone);
        ALTER TABLE customers ADD CONSTRAINT customers_phone_key UNIQUE USING INDEX customers_phone_tmp;
        ALTER TABLE customers ALTER COLUMN name SET DEFAULT '';
        UPDATE customers SET name = '' WHERE name IS NULL;
        ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
        ALTER TABLE customers RENAME COLUMN name TO full_name;
        CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY, at timestamptz DEFAULT now(), what text)
            PARTITION BY RANGE (at);
        CREATE TABLE audit_log_2025 PARTITION OF audit_log FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        ALTER TABLE audit_log ADD COLUMN actor bigint;
        CREATE INDEX audit_log_actor_idx ON audit_log (actor);
        ALTER TABLE billing.invoices ADD COLUMN paid_at timestamptz;
        ALTER TABLE billing.invoices DROP CONSTRAINT invoices_amount_check;
        ALTER TABLE billing.invoices ADD CONSTRAINT invoices_amount_check CHECK (amount > 0) NOT VALID;
        ALTER INDEX billing.invoices_status_idx RENAME TO invoices_open_status_idx;
        ALTER TABLE customers RENAME TO clients;
        ALTER TABLE clients DROP COLUMN phone;
        SET lock_timeout = '5s';
        COMMENT ON TABLE clients IS 'people who pay';
        """, notYetParsed());
    assertThat(r.steps()).hasSize(31);
    assertThat(r.problems()).isEmpty();
    Schema s = r.schema();
    assertThat(s.extensions()).containsExactly("pgcrypto");
    assertThat(s.schemas()).containsExactly("billing", "public");
    assertThat(s.types().get(QualifiedName.of("public", "order_status")).labels())
        .containsExactly("pending", "paid", "refunded", "shipped");
    assertThat(r.columnNames("clients")).containsExactly("id", "email", "full_name", "created_at", "referrer_id");
    assertThat(r.constraintNames("clients")).containsExactlyInAnyOrder(
        "customers_pkey", "customers_email_key", "customers_referrer_fk");
    assertThat(r.constraint("clients", "customers_referrer_fk").referencedTable())
        .isEqualTo(QualifiedName.of("public", "clients"));
    assertThat(r.constraint("billing.invoices", "invoices_customer_id_fkey").referencedTable())
        .isEqualTo(QualifiedName.of("public", "clients"));
    assertThat(r.constraint("billing.invoices", "invoices_amount_check").valid()).isFalse();
    assertThat(r.index("customers_pkey").table()).isEqualTo(QualifiedName.of("public", "clients"));
    assertThat(s.indexes().keySet()).extracting(QualifiedName::sql).containsExactlyInAnyOrder(
        "billing.invoices_pkey", "billing.invoices_customer_id_idx", "billing.invoices_open_status_idx",
        "public.customers_pkey", "public.customers_email_key", "public.audit_log_actor_idx",
        "public.audit_log_2025_actor_idx");
    assertThat(s.sequences().keySet()).extracting(QualifiedName::sql)
        .containsExactlyInAnyOrder("public.customers_id_seq", "public.audit_log_id_seq");
    assertThat(s.sequences().get(QualifiedName.of("public", "customers_id_seq")).ownedBy())
        .isEqualTo("public.clients.id");
    assertThat(r.columnNames("audit_log_2025")).containsExactly("id", "at", "what", "actor");
  }

  @Test
  void missing_objects_are_told_apart_from_duplicates() {
    io.migrationsafety.schema.Schema schema = io.migrationsafety.schema.Schema.empty();
    for (var st : io.migrationsafety.parse.SqlParser.parse("CREATE TABLE t (a int);", "s.sql").statements()) {
      schema = SchemaReplayer.apply(schema, st.operations().get(0), "public").after();
    }
    var missingColumn = SchemaReplayer.apply(schema, io.migrationsafety.parse.SqlParser
        .parse("ALTER TABLE t DROP COLUMN b;", "s.sql").statements().get(0).operations().get(0), "public");
    var duplicate = SchemaReplayer.apply(schema, io.migrationsafety.parse.SqlParser
        .parse("CREATE TABLE t (a int);", "s.sql").statements().get(0).operations().get(0), "public");

    org.assertj.core.api.Assertions.assertThat(missingColumn.missingObjects()).isEqualTo(missingColumn.problems())
        .isNotEmpty();
    org.assertj.core.api.Assertions.assertThat(duplicate.problems()).isNotEmpty();
    org.assertj.core.api.Assertions.assertThat(duplicate.missingObjects()).isEmpty();
  }
}
