package io.migrationsafety.trace;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rollback.RollbackSql;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fills the tables of a starting schema on the embedded server with generated rows, so that what
 * depends on size shows in a trace: the time of a rewrite or a scan, a NOT NULL column added
 * without a default failing on existing rows. Row {@code g} (1 to n) gets values derived from
 * {@code g} — unique where a key needs it — and a foreign key points at row {@code g % n + 1} of its
 * table. Columns with a default, identity or generated value get theirs. A table whose rows cannot
 * be made (a NOT NULL column of a type with no generator, a check that rejects them) makes the
 * trace fail with the table named, rather than run on a schema that is not what was asked for.
 */
final class SyntheticRows {

  private SyntheticRows() {}

  static void fill(TraceSession session, Schema schema, long rows) {
    if (rows <= 0) {
      return;
    }
    for (Table table : referencedFirst(schema)) {
      if (table.partitionBy() != null) {
        continue; // a partitioned table without partitions holds no rows
      }
      String sql = insert(schema, table, rows);
      try {
        session.apply(sql);
      } catch (TraceException e) {
        throw new TraceException("cannot fill " + table.name().sql() + " with " + rows + " synthetic rows ("
            + e.getMessage() + "); trace without synthetic rows, or from migrations that insert real ones", e);
      }
    }
    session.apply("ANALYZE");
  }

  private static String insert(Schema schema, Table table, long rows) {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column column : table.columns()) {
      if (column.identity() != null || column.generated() != null || column.defaultValue() != null) {
        continue;
      }
      Optional<String> value = foreignKeyValue(table, column, rows).or(() -> value(schema, column));
      if (value.isEmpty()) {
        if (column.notNull()) {
          throw new TraceException("cannot make synthetic rows for " + table.name().sql() + ": no generator for "
              + "NOT NULL column " + column.name() + " of type " + column.type().sql());
        }
        continue;
      }
      columns.add(RollbackSql.q(column.name()));
      values.add(value.get() + "::" + column.type().sql());
    }
    if (columns.isEmpty()) {
      return "INSERT INTO " + table.name().sql() + " SELECT FROM generate_series(1, " + rows + ") g";
    }
    return "INSERT INTO " + table.name().sql() + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM generate_series(1, " + rows + ") g";
  }

  /** A single-column foreign key's value: a row of the referenced table, which was filled first. */
  private static Optional<String> foreignKeyValue(Table table, Column column, long rows) {
    for (Constraint c : table.constraints()) {
      if (c.kind() == ConstraintKind.FOREIGN_KEY && c.columns().equals(List.of(column.name()))) {
        return Optional.of("(g % " + rows + " + 1)");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> value(Schema schema, Column column) {
    if (column.type().isArray()) {
      return Optional.empty();
    }
    String type = column.type().name();
    return switch (type) {
      case "smallint" -> Optional.of("(g % 32767)");
      case "integer", "bigint", "numeric", "real", "double precision", "oid" -> Optional.of("g");
      case "text", "character varying", "character", "citext" -> Optional.of(text(column));
      case "boolean" -> Optional.of("(g % 2 = 0)");
      case "date" -> Optional.of("(date '2020-01-01' + (g % 3650)::int)");
      case "timestamp without time zone", "timestamp with time zone" ->
          Optional.of("(timestamp '2020-01-01' + g * interval '1 second')");
      case "time without time zone", "time with time zone" -> Optional.of("(time '00:00' + (g % 86400) * interval '1 second')");
      case "interval" -> Optional.of("(g * interval '1 second')");
      case "uuid" -> Optional.of("md5(g::text)");
      case "json", "jsonb" -> Optional.of("json_build_object('n', g)::text");
      case "bytea" -> Optional.of("decode(md5(g::text), 'hex')");
      case "inet", "cidr" -> Optional.of("('10.0.0.0'::inet + g)::text");
      default -> enumLabel(schema, type);
    };
  }

  /** Text unique per row, within a length limit when the type has one. */
  private static String text(Column column) {
    List<String> modifiers = column.type().modifiers();
    String text = "('v' || g)";
    return modifiers.isEmpty() ? text : "right(" + text + ", " + modifiers.get(0) + ")";
  }

  private static Optional<String> enumLabel(Schema schema, String type) {
    QualifiedName name = type.contains(".") ? QualifiedName.of(type.substring(0, type.indexOf('.')),
        type.substring(type.indexOf('.') + 1)) : QualifiedName.of("public", type);
    return schema.types().values().stream()
        .filter(t -> t.name().equals(name) && t.kind() == UserType.Kind.ENUM && !t.labels().isEmpty())
        .findFirst().map(t -> SqlLiteral.of(t.labels().get(0)));
  }

  /** Tables whose foreign keys point at others come after those others (cycles: as they come). */
  private static List<Table> referencedFirst(Schema schema) {
    Set<QualifiedName> placed = new LinkedHashSet<>();
    List<Table> ordered = new ArrayList<>();
    List<Table> pending = new ArrayList<>(schema.tables().values());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (Table table : List.copyOf(pending)) {
        boolean ready = table.constraints().stream()
            .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null)
            .map(c -> c.referencedTable().withDefaultSchema("public"))
            .allMatch(r -> r.equals(table.name()) || placed.contains(r) || schema.table(r).isEmpty());
        if (ready) {
          ordered.add(table);
          placed.add(table.name());
          pending.remove(table);
          progress = true;
        }
      }
      if (!progress) {
        ordered.addAll(pending);
        break;
      }
    }
    return ordered;
  }
}
