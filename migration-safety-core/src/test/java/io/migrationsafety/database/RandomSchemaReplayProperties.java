package io.migrationsafety.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ReplayStep;
import io.migrationsafety.schema.replay.SchemaReplayer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Replay equals introspection for schemas nobody wrote by hand: a random sequence of supported
 * schema changes is turned into a script (changes that do not apply to the schema so far are
 * skipped), executed on PostgreSQL 16 statement by statement (the few it refuses are neither kept
 * nor replayed), introspected, and compared fact by fact with its replay.
 */
class RandomSchemaReplayProperties {

  private static EmbeddedPostgres postgres;

  @BeforeContainer
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterContainer
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Property(tries = 25)
  void a_random_schema_replays_to_what_postgres_has(@ForAll("changes") List<Integer> changes) throws SQLException {
    String script = RandomSchemaScript.of(changes);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS random WITH (FORCE)");
      st.execute("CREATE DATABASE random");
    }
    Schema replayed = Schema.empty();
    try (Connection c = postgres.getDatabase("postgres", "random").getConnection(); Statement st = c.createStatement()) {
      for (ParsedStatement statement : SqlParser.parse(script, "random.sql").statements()) {
        try {
          st.execute(statement.statement().text());
        } catch (SQLException refused) {
          // The generator does not know every rule of PostgreSQL's (a foreign key column changed to
          // text, say): what PostgreSQL refuses changes nothing, and is not replayed either.
          continue;
        }
        for (Operation op : statement.operations()) {
          ReplayStep step = SchemaReplayer.apply(replayed, op, "public");
          assertThat(step.problems()).as("%s\nin\n%s", statement.statement().text(), script).isEmpty();
          replayed = step.after();
        }
      }
      Schema introspected = SchemaIntrospector.introspect(c).schema().withExtension("plpgsql", false);
      assertThat(ModelFacts.differences(replayed, introspected, false)).as(script).isEmpty();
    }
  }

  /** Each number picks a change and its details; see {@link RandomSchemaScript}. */
  @Provide
  Arbitrary<List<Integer>> changes() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(40);
  }

  /** Turns numbers into a script of changes that apply, tracking the tables and columns made so far. */
  static final class RandomSchemaScript {

    private static final String[] TYPES = {"integer", "bigint", "text", "varchar(20)", "numeric(10,2)", "boolean",
        "timestamptz", "date", "jsonb", "uuid", "smallint", "text[]", "mood"};

    private final List<Table> tables = new ArrayList<>();
    private final StringBuilder sql = new StringBuilder("CREATE TYPE mood AS ENUM ('sad', 'ok');\n");
    private int names;

    private record Table(String name, List<String> columns, List<String> indexes) {}

    static String of(List<Integer> changes) {
      RandomSchemaScript script = new RandomSchemaScript();
      for (int change : changes) {
        script.apply(change);
      }
      return script.sql.toString();
    }

    private String fresh(String prefix) {
      return prefix + (names++);
    }

    private void apply(int n) {
      int kind = n % 13;
      int detail = n / 13;
      if (tables.isEmpty() || kind == 0) {
        createTable(detail);
        return;
      }
      Table t = tables.get(detail % tables.size());
      int pick = detail / Math.max(1, tables.size());
      String column = t.columns().isEmpty() ? null : t.columns().get(pick % t.columns().size());
      switch (kind) {
        case 1 -> addColumn(t, pick);
        case 2 -> {
          if (column != null) {
            line("ALTER TABLE " + t.name() + " DROP COLUMN " + column + " CASCADE");
            t.columns().remove(column);
          }
        }
        case 3 -> {
          if (column != null) {
            String renamed = fresh("c");
            line("ALTER TABLE " + t.name() + " RENAME COLUMN " + column + " TO " + renamed);
            t.columns().set(t.columns().indexOf(column), renamed);
          }
        }
        case 4 -> {
          if (column != null) {
            line("ALTER TABLE " + t.name() + " ALTER COLUMN " + column + " TYPE text USING " + column + "::text");
          }
        }
        case 5 -> {
          if (column != null) {
            line("ALTER TABLE " + t.name() + " ALTER COLUMN " + column + (pick % 2 == 0 ? " SET" : " DROP") + " NOT NULL");
          }
        }
        case 6 -> {
          if (column != null) {
            line("ALTER TABLE " + t.name() + " ALTER COLUMN " + column + " DROP DEFAULT");
          }
        }
        case 7 -> {
          if (column != null) {
            String index = fresh("i");
            line("CREATE " + (pick % 3 == 0 ? "UNIQUE " : "") + "INDEX " + index + " ON " + t.name() + " ("
                + column + (pick % 2 == 0 ? " DESC" : "") + ")" + (pick % 5 == 0 ? " WHERE id > 0" : ""));
            t.indexes().add(index);
          }
        }
        case 8 -> {
          if (!t.indexes().isEmpty()) {
            String index = t.indexes().remove(pick % t.indexes().size());
            line("DROP INDEX IF EXISTS " + index);
          }
        }
        case 9 -> line("ALTER TABLE " + t.name() + " ADD CONSTRAINT " + fresh("k") + " CHECK (id > 0)"
            + (pick % 2 == 0 ? " NOT VALID" : ""));
        case 10 -> {
          Table other = tables.get(pick % tables.size());
          String fk = fresh("f");
          line("ALTER TABLE " + t.name() + " ADD COLUMN " + fk + " bigint");
          line("ALTER TABLE " + t.name() + " ADD CONSTRAINT " + fk + "_fk FOREIGN KEY (" + fk + ") REFERENCES "
              + other.name() + (pick % 2 == 0 ? " ON DELETE CASCADE" : "") + (pick % 3 == 0 ? " NOT VALID" : ""));
          t.columns().add(fk);
        }
        case 11 -> {
          String renamed = fresh("t");
          line("ALTER TABLE " + t.name() + " RENAME TO " + renamed);
          tables.set(tables.indexOf(t), new Table(renamed, t.columns(), t.indexes()));
        }
        default -> {
          line("DROP TABLE " + t.name() + " CASCADE");
          tables.remove(t);
        }
      }
    }

    private void createTable(int detail) {
      Table t = new Table(fresh("t"), new ArrayList<>(), new ArrayList<>());
      tables.add(t);
      line("CREATE TABLE " + t.name() + " (id bigint " + (detail % 2 == 0 ? "GENERATED BY DEFAULT AS IDENTITY " : "")
          + "PRIMARY KEY)");
      for (int i = 0; i < detail % 4; i++) {
        addColumn(t, detail / 4 + i);
      }
    }

    private void addColumn(Table t, int pick) {
      String column = fresh("c");
      String type = TYPES[pick % TYPES.length];
      String extra = switch (pick / TYPES.length % 4) {
        case 1 -> " NOT NULL DEFAULT " + (type.equals("mood") ? "'ok'" : type.equals("boolean") ? "true"
            : type.equals("uuid") || type.equals("jsonb") || type.endsWith("[]") || type.equals("date")
                || type.equals("timestamptz") ? "NULL" : "'1'");
        case 2 -> " UNIQUE";
        default -> "";
      };
      if (extra.contains("DEFAULT NULL")) {
        extra = "";
      }
      line("ALTER TABLE " + t.name() + " ADD COLUMN " + column + " " + type + extra);
      t.columns().add(column);
    }

    private void line(String statement) {
      sql.append(statement).append(";\n");
    }
  }
}
