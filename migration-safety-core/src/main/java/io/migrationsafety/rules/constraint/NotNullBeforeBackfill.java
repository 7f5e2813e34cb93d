package io.migrationsafety.rules.constraint;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.Backfill;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A NOT NULL requirement — {@code SET NOT NULL}, a {@code PRIMARY KEY}, a validated
 * {@code CHECK (col IS NOT NULL)} or {@code NOT NULL} constraint — on a column that the same
 * migration added to an existing table without a default and never filled. What the column holds is known
 * here without reading the table: NULL in every row that existed before, so on a database with
 * rows the statement fails ("column … contains null values") and the migration rolls back. The
 * policy and snapshots tell only row counts, so a table known to be empty is let through.
 */
public final class NotNullBeforeBackfill implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("not-null-before-backfill",
      "NOT NULL required of a column the migration added without a default and never filled: it fails on rows",
      Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<String> columns = requiredNotNull(context.operation());
    if (columns.isEmpty()) {
      return List.of();
    }
    QualifiedName table = context.resolve(((io.migrationsafety.operation.TableAction) context.operation()).table().name());
    if (context.isNewTable(table) || context.knownEmpty(table)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (String column : columns) {
      if (!unfilled(context, table, column)) {
        continue;
      }
      String t = table.sql();
      String c = QualifiedName.quote(column);
      Optional<String> key = Backfill.integerKey(context.tableBefore(table));
      String fill = "UPDATE " + t + " SET " + c + " = NULL /* the value existing rows should get */ WHERE ";
      String loop = key.isPresent()
          ? Backfill.keyRanges(t, QualifiedName.quote(key.get()), null, fill + Backfill.RANGE + " AND " + c + " IS NULL")
          : Backfill.untilDone(fill + Backfill.ctidBatch(t, c + " IS NULL"));
      findings.add(context.finding(this,
          "Every existing row of " + table + " holds NULL in " + column
              + ", added by this migration without a default and never filled: this statement fails",
          "A column added without a default is NULL in every row that was there before. Requiring NOT NULL "
              + "before filling it fails with \"column contains null values\" on any database with rows, "
              + "though it passes on an empty one.",
          "-- fill " + c + " first, in batches (write the value in place of the NULL), then require it:\n" + loop
              + "\n" + context.statement().statement().text() + ";"));
    }
    return findings;
  }

  /** The columns the operation requires to be NOT NULL now, with a scan of the existing rows. */
  private static List<String> requiredNotNull(Operation operation) {
    if (operation instanceof SetNotNull set) {
      return List.of(set.column());
    }
    if (operation instanceof AddConstraint add && !add.constraint().notValid()) {
      ConstraintDefinition c = add.constraint();
      if (c.kind() == ConstraintKind.PRIMARY_KEY || c.kind() == ConstraintKind.NOT_NULL) {
        return c.columns();
      }
      if (c.kind() == ConstraintKind.CHECK && c.expression() != null) {
        String e = c.expression().sql().toLowerCase(Locale.ROOT).replaceAll("[()\"]", "").strip()
            .replaceAll("\\s+", " ");
        if (e.endsWith(" is not null") && e.indexOf(' ') == e.length() - " is not null".length()) {
          return List.of(e.substring(0, e.indexOf(' ')));
        }
      }
    }
    return List.of();
  }

  /**
   * Whether this migration, before this statement, last added {@code column} to {@code table}
   * without anything that fills existing rows, and changed no row of it since. Only the same
   * migration counts: between two migrations a backfill job may have filled the column, which the
   * review cannot see.
   */
  private static boolean unfilled(StatementContext context, QualifiedName table, String column) {
    Boolean state = null; // null: not added here; true: added empty; false: filled since
    for (ParsedStatement statement : context.migration().script().statements()) {
      if (statement == context.statement()) {
        break;
      }
      for (Operation op : statement.operations()) {
        if (op instanceof AddColumn add && add.column().name().equals(column)
            && context.resolve(add.table().name()).equals(table)) {
          state = !fillsExistingRows(add.column());
        } else if (op instanceof DataChange change && change.dmlKind() == DmlKind.UPDATE
            && context.resolve(change.table()).equals(table)
            && (change.columns().isEmpty() || change.columns().contains(column))) {
          state = state == null ? null : false;
        }
      }
    }
    return Boolean.TRUE.equals(state);
  }

  private static boolean fillsExistingRows(ColumnDefinition column) {
    return (column.hasDefault() && !column.defaultValue().isNullLiteral()) || column.identity() != null
        || column.generated() != null || column.type().isSerial();
  }

}
