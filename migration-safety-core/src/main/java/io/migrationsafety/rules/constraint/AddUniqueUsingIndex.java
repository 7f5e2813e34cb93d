package io.migrationsafety.rules.constraint;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ADD PRIMARY KEY} or {@code ADD UNIQUE} with a column list on a large table: PostgreSQL
 * builds the unique index inside the ALTER TABLE while it holds ACCESS EXCLUSIVE, so nothing can
 * read or write the table for the whole build. Built first with {@code CREATE UNIQUE INDEX
 * CONCURRENTLY}, the index becomes the constraint with {@code USING INDEX} in a moment (SQL
 * Commands: ALTER TABLE, ADD table_constraint_using_index).
 */
public final class AddUniqueUsingIndex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("add-unique-using-index",
      "PRIMARY KEY or UNIQUE added directly builds its index under ACCESS EXCLUSIVE", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AddConstraint add)) {
      return List.of();
    }
    ConstraintDefinition c = add.constraint();
    if ((c.kind() != ConstraintKind.PRIMARY_KEY && c.kind() != ConstraintKind.UNIQUE) || c.usingIndex() != null) {
      return List.of();
    }
    QualifiedName table = context.resolve(add.table().name());
    if (!context.isLarge(table)) {
      return List.of();
    }
    String kind = c.kind() == ConstraintKind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
    String suffix = c.kind() == ConstraintKind.PRIMARY_KEY ? "_pkey" : "_" + String.join("_", c.columns()) + "_key";
    String name = c.name() != null ? c.name() : limit(add.table().name().name() + suffix);
    String t = add.table().name().sql();
    String columns = c.columns().stream().map(QualifiedName::quote).collect(Collectors.joining(", "));
    String safe = "-- in a migration of its own, outside a transaction:\n"
        + "CREATE UNIQUE INDEX CONCURRENTLY " + QualifiedName.quote(name) + " ON " + t + " (" + columns + ");\n"
        + "ALTER TABLE " + t + " ADD CONSTRAINT " + QualifiedName.quote(name) + " " + kind + " USING INDEX "
        + QualifiedName.quote(name) + ";";
    return List.of(context.finding(this,
        "Adding " + kind + " (" + String.join(", ", c.columns()) + ") to " + table
            + " builds its unique index while blocking all reads and writes",
        "The index is built inside the ALTER TABLE, under ACCESS EXCLUSIVE, reading the whole table. Built "
            + "concurrently first, it takes only a moment to attach as the constraint"
            + (c.kind() == ConstraintKind.PRIMARY_KEY ? " (its columns must already be NOT NULL, or "
                + "PostgreSQL scans for NULLs under the lock)." : "."),
        safe));
  }

  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
