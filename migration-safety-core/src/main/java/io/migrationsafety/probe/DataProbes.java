package io.migrationsafety.probe;

import static io.migrationsafety.probe.ProbeSql.columns;
import static io.migrationsafety.probe.ProbeSql.id;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The probes that tell whether an operation fails on the rows a table already holds:
 * {@code SET NOT NULL}; {@code ADD CONSTRAINT} PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY (not
 * {@code NOT VALID}, which skips existing rows, nor {@code USING INDEX}, whose index already holds);
 * {@code VALIDATE CONSTRAINT}; {@code CREATE UNIQUE INDEX}; {@code ALTER COLUMN … TYPE}.
 * A table the reviewed migrations created holds no rows and gets no probe.
 */
public final class DataProbes {

  private DataProbes() {}

  /**
   * The probes for {@code operation}.
   *
   * @param before the schema before it (for the table's primary key and columns)
   * @param defaultSchema the schema unqualified names resolve to
   * @param createdInReview whether a table was created by the reviewed migrations (it holds no rows)
   */
  public static List<DataProbe> of(Operation operation, Schema before, String defaultSchema,
      Predicate<QualifiedName> createdInReview) {
    return probes(operation, before, defaultSchema, createdInReview).stream()
        .filter(p -> p.reads().stream().allMatch(r -> before.table(r.table()).flatMap(t -> t.column(r.column()))
            .isPresent()))
        .toList();
  }

  /** The probes, before those reading a column the schema lacks (the statement fails anyway) are dropped. */
  private static List<DataProbe> probes(Operation operation, Schema before, String defaultSchema,
      Predicate<QualifiedName> createdInReview) {
    Target target = new Target(before, defaultSchema, createdInReview);
    if (operation instanceof SetNotNull op) {
      return target.table(op.table().name()).map(t -> List.of(nulls(t, op.column()))).orElse(List.of());
    }
    if (operation instanceof AddConstraint op) {
      return target.table(op.table().name()).map(t -> constraint(target, t, op.constraint())).orElse(List.of());
    }
    if (operation instanceof ValidateConstraint op) {
      return target.table(op.table().name()).flatMap(t -> t.constraint(op.name()).map(k -> validate(target, t, k)))
          .orElse(List.of());
    }
    if (operation instanceof CreateIndex op && op.unique()) {
      return target.table(op.table().name()).map(t -> List.of(uniqueIndex(t, op))).orElse(List.of());
    }
    if (operation instanceof AlterColumnType op) {
      return target.table(op.table().name()).flatMap(t -> ColumnConversion.probe(t, op)).map(List::of)
          .orElse(List.of());
    }
    return List.of();
  }

  /** Resolves the tables an operation names, leaving out those that hold no rows yet. */
  private record Target(Schema before, String defaultSchema, Predicate<QualifiedName> createdInReview) {
    Optional<Table> table(QualifiedName name) {
      QualifiedName resolved = name.withDefaultSchema(defaultSchema);
      return createdInReview.test(resolved) ? Optional.empty() : before.table(resolved);
    }

    boolean isNew(QualifiedName name) {
      return createdInReview.test(name.withDefaultSchema(defaultSchema));
    }
  }

  private static List<DataProbe> constraint(Target target, Table table, ConstraintDefinition k) {
    if (k.notValid() || k.usingIndex() != null && k.kind() == ConstraintKind.UNIQUE) {
      return List.of();
    }
    List<DataProbe> probes = new ArrayList<>();
    switch (k.kind()) {
      case PRIMARY_KEY -> {
        k.columns().forEach(c -> probes.add(nulls(table, c)));
        if (k.usingIndex() == null) {
          probes.add(duplicates(table, k.columns().stream().map(ProbeSql::id).toList(), k.columns(), null, false));
        }
      }
      case UNIQUE -> probes.add(duplicates(table, k.columns().stream().map(ProbeSql::id).toList(), k.columns(), null,
          k.nullsNotDistinct()));
      case CHECK -> probes.add(check(table, k.expression().sql(), k.columns()));
      case FOREIGN_KEY -> orphans(target, table, k.columns(), k.references().table(), k.references().columns())
          .ifPresent(probes::add);
      case NOT_NULL -> k.columns().forEach(c -> probes.add(nulls(table, c)));
      default -> { }
    }
    return probes;
  }

  private static List<DataProbe> validate(Target target, Table table, Constraint k) {
    if (k.valid()) {
      return List.of();
    }
    if (k.kind() == ConstraintKind.CHECK && k.expression() != null) {
      return List.of(check(table, k.expression(), k.columns()));
    }
    if (k.kind() == ConstraintKind.FOREIGN_KEY && k.referencedTable() != null) {
      return orphans(target, table, k.columns(), k.referencedTable(), k.referencedColumns()).map(List::of)
          .orElse(List.of());
    }
    return List.of();
  }

  static DataProbe nulls(Table table, String column) {
    List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
    String t = id(table.name());
    String where = id(column) + " IS NULL";
    return new DataProbe(DataProbe.Kind.NULLS, table.name(), "rows whose " + column + " is NULL",
        ProbeSql.count(ProbeSql.keyText(key, ""), t, where),
        "SELECT " + ProbeSql.keyColumns(key, "") + " FROM " + t + " WHERE " + where + ";",
        "-- give them a value (in batches on a large table), or delete them:\nUPDATE " + t + " SET " + id(column)
            + " = /* value */ WHERE " + where + ";",
        reads(table, key, List.of(column)));
  }

  /**
   * Keys held by more than one row.
   *
   * @param keys the key expressions as SQL (quoted columns, or expressions in parentheses)
   * @param keyColumns the plain columns among them, for the reads
   * @param predicate a partial index's predicate, or {@code null}
   * @param nullsNotDistinct whether NULLs count as equal ({@code NULLS NOT DISTINCT})
   */
  private static DataProbe duplicates(Table table, List<String> keys, List<String> keyColumns, String predicate,
      boolean nullsNotDistinct) {
    String t = id(table.name());
    String list = String.join(", ", keys);
    List<String> conditions = new ArrayList<>();
    if (!nullsNotDistinct) {
      keys.forEach(k -> conditions.add(k + " IS NOT NULL"));
    }
    if (predicate != null) {
      conditions.add("(" + predicate + ")");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String grouped = "SELECT " + list + " FROM " + t + where + " GROUP BY " + list + " HAVING count(*) > 1";
    String query = "SELECT count(*), min(k) FROM (SELECT ROW(" + list + ")::text AS k FROM " + t + where
        + " GROUP BY " + list + " HAVING count(*) > 1 LIMIT " + (DataProbe.LIMIT + 1) + ") offending";
    return new DataProbe(DataProbe.Kind.DUPLICATES, table.name(), "keys (" + list + ") held by more than one row",
        query, grouped.replace("HAVING count(*) > 1", "HAVING count(*) > 1 ORDER BY count(*) DESC") + ";",
        "-- decide which row keeps each key; change or delete the others, then add the constraint",
        reads(table, List.of(), keyColumns));
  }

  private static DataProbe uniqueIndex(Table table, CreateIndex index) {
    List<String> keys = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (IndexElement e : index.elements()) {
      if (e.isExpression()) {
        keys.add("(" + e.expression().sql() + ")");
      } else {
        keys.add(id(e.column()));
        plain.add(e.column());
      }
    }
    return duplicates(table, keys, plain, index.predicate() == null ? null : index.predicate().sql(),
        index.nullsNotDistinct());
  }

  /** Rows for which the CHECK expression is false (NULL passes a CHECK). */
  private static DataProbe check(Table table, String expression, List<String> mentioned) {
    List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
    String t = id(table.name());
    String where = "NOT (" + expression + ")";
    return new DataProbe(DataProbe.Kind.CHECK_VIOLATIONS, table.name(), "rows for which CHECK (" + expression
        + ") is false", ProbeSql.count(ProbeSql.keyText(key, ""), t, where),
        "SELECT " + ProbeSql.keyColumns(key, "") + " FROM " + t + " WHERE " + where + ";",
        "-- fix these rows first; or add the constraint NOT VALID (new rows are checked at once),\n"
            + "-- fix the old rows, then VALIDATE CONSTRAINT",
        reads(table, key, mentioned));
  }

  /** Child rows whose key is complete (MATCH SIMPLE) and matches no parent row. */
  private static Optional<DataProbe> orphans(Target target, Table table, List<String> columns, QualifiedName parent,
      List<String> parentColumns) {
    QualifiedName p = parent.withDefaultSchema(target.defaultSchema());
    boolean parentIsNew = target.isNew(p);
    List<String> referenced = parentColumns;
    if (referenced.isEmpty()) {
      referenced = target.before().table(p).flatMap(Table::primaryKey).map(Constraint::columns).orElse(List.of());
    }
    if (columns.isEmpty() || referenced.size() != columns.size()) {
      return Optional.empty();
    }
    List<String> key = table.primaryKey().map(Constraint::columns).orElse(List.of());
    String t = id(table.name()) + " c";
    List<String> conditions = new ArrayList<>();
    columns.forEach(c -> conditions.add("c." + id(c) + " IS NOT NULL"));
    List<DataProbe.Read> reads = new ArrayList<>(reads(table, key, columns));
    if (!parentIsNew) {
      List<String> match = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        match.add("p." + id(referenced.get(i)) + " = c." + id(columns.get(i)));
      }
      conditions.add("NOT EXISTS (SELECT 1 FROM " + id(p) + " p WHERE " + String.join(" AND ", match) + ")");
      for (String r : referenced) {
        reads.add(new DataProbe.Read(p, r, null));
      }
    }
    String where = String.join(" AND ", conditions);
    String cols = String.join(", ", columns);
    return Optional.of(new DataProbe(DataProbe.Kind.ORPHANS, table.name(),
        "rows whose (" + cols + ") match no row of " + p, ProbeSql.count(ProbeSql.keyText(key, "c"), t, where),
        "SELECT " + ProbeSql.keyColumns(key, "c") + ", " + columns(columns, "c") + " FROM " + t + " WHERE " + where
            + ";",
        "-- insert the missing " + p + " rows, set the references to NULL, or delete these rows; or add the\n"
            + "-- foreign key NOT VALID, clean up, then VALIDATE CONSTRAINT",
        reads));
  }

  /** The columns a probe reads, with the types they have before the operation. */
  static List<DataProbe.Read> reads(Table table, List<String> key, List<String> columns) {
    List<DataProbe.Read> reads = new ArrayList<>();
    for (String c : key.stream().collect(Collectors.toCollection(java.util.LinkedHashSet::new))) {
      reads.add(new DataProbe.Read(table.name(), c, table.column(c).map(Column::type).orElse(null)));
    }
    for (String c : columns) {
      reads.add(new DataProbe.Read(table.name(), c, table.column(c).map(Column::type).orElse(null)));
    }
    return reads;
  }
}
