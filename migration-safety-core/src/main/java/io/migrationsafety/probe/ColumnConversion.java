package io.migrationsafety.probe;

import static io.migrationsafety.probe.ProbeSql.id;

import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The probe for {@code ALTER COLUMN … TYPE}: a shorter {@code varchar} or {@code char} gets a
 * length probe (which counts and names rows); any other conversion that can fail gets a
 * conversion probe, which converts every value and fails on the first that does not convert.
 * Conversions that cannot fail (to {@code text}, to a wider integer, to a longer string) get none.
 */
final class ColumnConversion {

  private static final Set<String> STRINGS = Set.of("text", "character varying", "character");
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

  private ColumnConversion() {}

  static Optional<DataProbe> probe(Table table, AlterColumnType op) {
    Optional<Column> column = table.column(op.column());
    if (column.isEmpty()) {
      return Optional.empty();
    }
    DataType from = column.get().type();
    DataType to = op.type();
    if (op.using() == null && cannotFail(from, to)) {
      return Optional.empty();
    }
    Integer length = length(to);
    if (op.using() == null && length != null && STRINGS.contains(from.name()) && from.arrayDimensions() == 0) {
      return Optional.of(tooLong(table, op.column(), length));
    }
    return Optional.of(conversion(table, op));
  }

  private static boolean cannotFail(DataType from, DataType to) {
    if (from.arrayDimensions() != to.arrayDimensions()) {
      return false;
    }
    if (from.name().equals(to.name()) && from.modifiers().equals(to.modifiers())) {
      return true;
    }
    if (to.name().equals("text") || to.name().equals("character varying") && to.modifiers().isEmpty()) {
      return true;
    }
    if (STRINGS.contains(from.name()) && from.name().equals(to.name())) {
      Integer before = length(from);
      Integer after = length(to);
      return after == null || before != null && before <= after;
    }
    int a = INTEGERS.indexOf(from.name());
    int b = INTEGERS.indexOf(to.name());
    if (a >= 0 && b >= a) {
      return true;
    }
    return to.name().equals("numeric") && to.modifiers().isEmpty() && (a >= 0 || from.name().equals("numeric"));
  }

  /** The length of {@code varchar(n)} or {@code char(n)}, or null. */
  private static Integer length(DataType type) {
    if (!type.name().equals("character varying") && !type.name().equals("character")) {
      return null;
    }
    if (type.modifiers().size() != 1 || !type.modifiers().get(0).matches("\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(type.modifiers().get(0));
  }

  /** Values longer than {@code length}: PostgreSQL refuses them unless the excess is blanks. */
  private static DataProbe tooLong(Table table, String column, int length) {
    List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
    String t = id(table.name());
    String where = "char_length(rtrim(" + id(column) + "::text, ' ')) > " + length;
    return new DataProbe(DataProbe.Kind.TOO_LONG, table.name(),
        "values of " + column + " longer than " + length + " characters",
        ProbeSql.count(ProbeSql.keyText(key, ""), t, where),
        "SELECT " + ProbeSql.keyColumns(key, "") + ", char_length(" + id(column) + ") FROM " + t + " WHERE " + where
            + ";",
        "-- shorten them first (or keep the longer type):\nUPDATE " + t + " SET " + id(column) + " = left(" + id(column)
            + ", " + length + ") WHERE " + where + ";",
        DataProbes.reads(table, key, List.of(column)));
  }

  /**
   * Converts every value as the statement will; a data exception means some value does not convert.
   * {@code count(expression)} makes PostgreSQL evaluate the conversion for every row.
   */
  private static DataProbe conversion(Table table, AlterColumnType op) {
    List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
    String t = id(table.name());
    String value = op.using() != null ? "(" + op.using().sql() + ")" : id(op.column());
    String type = op.type().text();
    return new DataProbe(DataProbe.Kind.CAST_FAILURES, table.name(),
        "values of " + op.column() + " that do not convert to " + type,
        "SELECT count((" + value + ")::" + type + "), NULL::text FROM " + t,
        "-- PostgreSQL 16 and later: the rows whose text does not read as " + type + "\nSELECT "
            + ProbeSql.keyColumns(key, "") + " FROM " + t + " WHERE NOT pg_input_is_valid(" + value + "::text, '"
            + type.replace("'", "''") + "');",
        "-- fix or clear those values first, or give the statement a USING expression that converts them",
        DataProbes.reads(table, key, List.of(op.column())));
  }
}
