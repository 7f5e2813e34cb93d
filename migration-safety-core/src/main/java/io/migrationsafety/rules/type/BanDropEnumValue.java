package io.migrationsafety.rules.type;

import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removing labels from an enum type. PostgreSQL cannot drop an enum label (SQL Commands: ALTER TYPE,
 * Notes), so migrations either edit {@code pg_enum} directly — which leaves rows and indexes
 * holding a value the catalog no longer knows — or recreate the type and swap it in with
 * {@code ALTER COLUMN … TYPE new_enum USING col::text::new_enum}: that rewrites every table using it
 * under ACCESS EXCLUSIVE, and fails on the first row that still holds a dropped label.
 */
public final class BanDropEnumValue implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("ban-drop-enum-value",
      "removing enum labels: a pg_enum edit, or a recreated enum swapped in with a column rewrite", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (context.operation() instanceof DataChange change && change.table().name().equals("pg_enum")
        && (change.dmlKind() == DmlKind.DELETE || change.dmlKind() == DmlKind.UPDATE)) {
      return List.of(context.finding(this,
          change.dmlKind().name() + " on pg_enum edits enum labels behind PostgreSQL's back",
          "Rows, indexes and defaults may still hold the removed label's value: reading them fails with "
              + "\"invalid internal value for enum\", and index order can break. PostgreSQL has no DROP VALUE.",
          "-- keep the label in the type and stop new rows from using it, with a CHECK on each column of the type:\n"
              + "-- ALTER TABLE <table> ADD CONSTRAINT <table>_<column>_allowed CHECK (<column> <> '<label>') NOT VALID;\n"
              + "-- ALTER TABLE <table> VALIDATE CONSTRAINT <table>_<column>_allowed;"));
    }
    if (!(context.operation() instanceof AlterColumnType change)) {
      return List.of();
    }
    QualifiedName table = context.resolve(change.table().name());
    if (context.isNewTable(table)) {
      return List.of();
    }
    Optional<UserType> from = context.tableBefore(table).flatMap(t -> t.column(change.column()))
        .flatMap(c -> enumType(context.before(), c.type().name(), context));
    Optional<UserType> to = enumType(context.before(), change.type().name(), context);
    if (from.isEmpty() || to.isEmpty() || change.type().isArray()) {
      return List.of();
    }
    List<String> dropped = new ArrayList<>(from.get().labels());
    dropped.removeAll(to.get().labels());
    if (dropped.isEmpty()) {
      return List.of();
    }
    String labels = String.join(", ", dropped.stream().map(SqlLiteral::of).toList());
    String t = change.table().name().sql();
    String c = QualifiedName.quote(change.column());
    String check = QualifiedName.quote(limit(change.table().name().name() + "_" + change.column() + "_allowed"));
    return List.of(context.finding(this,
        "Swapping " + change.column() + " of " + table + " from " + from.get().name() + " to " + to.get().name()
            + " drops the labels " + labels + ": every row is rewritten, and any row holding them fails",
        "An enum label cannot be dropped, so the type is recreated and swapped in: the column's type change "
            + "rewrites the whole table under ACCESS EXCLUSIVE, and the cast fails on the first row that still "
            + "holds a dropped label, rolling the migration back.",
        "-- keep " + from.get().name() + " as it is, and stop rows from using " + labels + ":\n"
            + "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c + " NOT IN (" + labels + ")) NOT VALID;\n"
            + "-- move the rows still holding them (in batches), then in a later transaction:\n"
            + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";"));
  }

  /** The enum type called {@code name} (as a column type names it), if the schema has one. */
  private static Optional<UserType> enumType(Schema schema, String name, StatementContext context) {
    QualifiedName qualified = name.contains(".")
        ? QualifiedName.of(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
        : context.resolve(QualifiedName.of(name));
    return Optional.ofNullable(schema.types().get(qualified)).filter(u -> u.kind() == UserType.Kind.ENUM);
  }


  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
