package io.migrationsafety.rules.constraint;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Index;
import java.util.ArrayList;
import java.util.List;

/**
 * A foreign key whose columns no index leads with, after this statement and the rest of its
 * migration. PostgreSQL indexes the referenced side (it must be unique) but not the referencing one
 * (DDL, Constraints, Foreign Keys: "it is often a good idea to index the referencing columns too"):
 * every DELETE or key UPDATE on the referenced table then scans the whole referencing table, while
 * holding its row locks.
 */
public final class ForeignKeyWithoutIndex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("foreign-key-without-index",
      "a foreign key whose columns no index leads with: deletes on the referenced table scan this one",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    QualifiedName table;
    List<ConstraintDefinition> keys = new ArrayList<>();
    if (context.operation() instanceof CreateTable create) {
      table = context.resolve(create.name());
      keys.addAll(create.constraints()); // column REFERENCES are among them, with their column
    } else if (context.operation() instanceof AddConstraint add) {
      table = context.resolve(add.table().name());
      keys.add(add.constraint());
    } else if (context.operation() instanceof AddColumn add) {
      table = context.resolve(add.table().name());
      keys.addAll(withColumn(add.column()));
    } else {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (ConstraintDefinition key : keys) {
      if (key.kind() != ConstraintKind.FOREIGN_KEY || key.columns().isEmpty() || indexed(context, table, key.columns())) {
        continue;
      }
      String columns = String.join(", ", key.columns().stream().map(QualifiedName::quote).toList());
      String name = QualifiedName.quote(limit(table.name() + "_" + String.join("_", key.columns()) + "_idx"));
      boolean fresh = context.isNewTable(table) || context.operation() instanceof CreateTable;
      String on = context.operation() instanceof CreateTable create ? create.name().sql()
          : ((io.migrationsafety.operation.TableAction) context.operation()).table().name().sql();
      findings.add(context.finding(this,
          "No index on " + table + " (" + String.join(", ", key.columns()) + ") for its foreign key to "
              + context.resolve(key.references().table()),
          "Deleting or re-keying a row of " + context.resolve(key.references().table()) + " makes PostgreSQL look "
              + "for referencing rows in " + table + "; without an index on the foreign key's columns that is a "
              + "scan of the whole table for every such row, and joins along the key are slow too.",
          fresh ? "CREATE INDEX " + name + " ON " + on + " (" + columns + ");"
              : "-- in a migration of its own, outside a transaction:\nCREATE INDEX CONCURRENTLY " + name + " ON " + on
                  + " (" + columns + ");"));
    }
    return findings;
  }

  /** A column's own REFERENCES, with the column as the key. */
  private static List<ConstraintDefinition> withColumn(ColumnDefinition column) {
    return column.constraints().stream().filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY)
        .map(c -> new ConstraintDefinition(c.name(), c.kind(), List.of(column.name()), c.expression(), c.references(),
            c.notValid(), c.usingIndex(), c.deferrable(), c.initiallyDeferred(), c.include(), c.noInherit(),
            c.nullsNotDistinct()))
        .toList();
  }

  /**
   * Whether an index of the table after this statement, or one a later statement of the same
   * migration creates, has the key's columns (in any order) as its leading columns.
   */
  private static boolean indexed(StatementContext context, QualifiedName table, List<String> columns) {
    for (Index index : context.after().indexesOn(table)) {
      if (leads(index.elements(), columns)) {
        return true;
      }
    }
    boolean later = false;
    for (ParsedStatement s : context.migration().script().statements()) {
      if (s == context.statement()) {
        later = true;
        continue;
      }
      for (Operation op : s.operations()) {
        if (later && op instanceof CreateIndex i && context.resolve(i.table().name()).equals(table)
            && leads(i.elements(), columns)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean leads(List<IndexElement> elements, List<String> columns) {
    if (elements.size() < columns.size()) {
      return false;
    }
    List<String> leading = elements.subList(0, columns.size()).stream().map(IndexElement::column).toList();
    return leading.containsAll(columns);
  }

  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
