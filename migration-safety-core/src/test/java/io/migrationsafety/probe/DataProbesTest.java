package io.migrationsafety.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statements get which probes, and how their SQL is built (run on PostgreSQL in FailsOnExistingDataTest). */
class DataProbesTest {

  private static final Schema SCHEMA = schema("""
      CREATE TABLE "we""ird" (id bigint PRIMARY KEY, "Email" text, n int, name varchar(50), big bigint);
      """);

  private static Schema schema(String ddl) {
    Schema s = Schema.empty();
    for (ParsedStatement st : SqlParser.parse(ddl, "schema.sql").statements()) {
      for (Operation op : st.operations()) {
        s = SchemaReplayer.apply(s, op, "public").after();
      }
    }
    return s;
  }

  private static List<DataProbe> probes(String sql) {
    Operation op = SqlParser.parse(sql, "m.sql").statements().get(0).operations().get(0);
    return DataProbes.of(op, SCHEMA, "public", name -> false);
  }

  @Test
  void quotes_every_identifier_and_doubles_embedded_quotes() {
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN \"Email\" SET NOT NULL;")).singleElement()
        .satisfies(p -> assertThat(p.query()).isEqualTo("SELECT count(*), min(k) FROM (SELECT \"id\"::text AS k "
            + "FROM \"public\".\"we\"\"ird\" WHERE \"Email\" IS NULL LIMIT 1001) offending"));
  }

  @Test
  void statements_that_do_not_check_existing_rows_get_no_probe() {
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ADD CONSTRAINT c CHECK (n > 0) NOT VALID;")).isEmpty();
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN n TYPE bigint;")).isEmpty();
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN name TYPE varchar(80);")).isEmpty();
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN name TYPE text;")).isEmpty();
    assertThat(probes("CREATE INDEX i ON \"we\"\"ird\" (n);")).isEmpty();
  }

  @Test
  void a_missing_column_or_a_new_table_gets_no_probe() {
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN nope SET NOT NULL;")).isEmpty();
    Operation op = SqlParser.parse("ALTER TABLE \"we\"\"ird\" ALTER COLUMN n SET NOT NULL;", "m.sql").statements()
        .get(0).operations().get(0);
    assertThat(DataProbes.of(op, SCHEMA, "public", name -> true)).isEmpty();
  }

  @Test
  void narrowing_types_get_a_length_or_a_conversion_probe() {
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN name TYPE varchar(10);"))
        .extracting(DataProbe::kind).containsExactly(DataProbe.Kind.TOO_LONG);
    assertThat(probes("ALTER TABLE \"we\"\"ird\" ALTER COLUMN big TYPE integer;"))
        .extracting(DataProbe::kind).containsExactly(DataProbe.Kind.CAST_FAILURES);
  }
}
