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

/**
 * {@code ADD FOREIGN KEY} (or {@code CHECK}) without {@code NOT VALID} on a large table: PostgreSQL
 * checks every existing row while it holds the lock — SHARE ROW EXCLUSIVE on both tables of a
 * foreign key, ACCESS EXCLUSIVE for a CHECK — so writes wait for the whole scan (SQL Commands:
 * ALTER TABLE, ADD table_constraint, NOT VALID).
 */
public final class AddConstraintNotValid implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("add-constraint-not-valid",
      "FOREIGN KEY or CHECK added without NOT VALID: every row is checked while writes wait", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AddConstraint add) || add.constraint().notValid()) {
      return List.of();
    }
    ConstraintDefinition constraint = add.constraint();
    if (constraint.kind() != ConstraintKind.FOREIGN_KEY && constraint.kind() != ConstraintKind.CHECK) {
      return List.of();
    }
    QualifiedName table = context.resolve(add.table().name());
    if (!context.isLarge(table)) {
      return List.of();
    }
    String kind = constraint.kind() == ConstraintKind.FOREIGN_KEY ? "FOREIGN KEY" : "CHECK";
    String name = QualifiedName.quote(constraint.name() != null ? constraint.name()
        : addedName(context, table, constraint));
    String notValid = context.statement().statement().text() + " NOT VALID;";
    String safe = notValid + "\n-- in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
        + "ALTER TABLE " + add.table().name().sql() + " VALIDATE CONSTRAINT " + name + ";";
    String also = constraint.kind() == ConstraintKind.FOREIGN_KEY
        ? " and of " + context.resolve(constraint.references().table()) : "";
    return List.of(context.finding(this,
        "Adding " + kind + " " + (constraint.name() == null ? "" : constraint.name() + " ") + "to " + table
            + " checks every existing row while it blocks writes to " + table + also,
        "Without NOT VALID, PostgreSQL validates all existing rows inside the ALTER TABLE, holding its lock "
            + "for the whole scan. Added NOT VALID, the constraint holds for new rows at once, and VALIDATE "
            + "CONSTRAINT checks the old ones later under a lock that lets reads and writes go on.",
        safe));
  }

  /** The name PostgreSQL gave the new constraint: the one the schema has after and not before. */
  private static String addedName(StatementContext context, QualifiedName table, ConstraintDefinition constraint) {
    java.util.Set<String> before = new java.util.HashSet<>();
    context.before().table(table).ifPresent(t -> t.constraints().forEach(c -> before.add(c.name())));
    return context.after().table(table).flatMap(t -> t.constraints().stream()
        .map(io.migrationsafety.schema.Constraint::name).filter(n -> !before.contains(n)).findFirst())
        .orElse(constraint.kind() == ConstraintKind.FOREIGN_KEY
            ? table.name() + "_" + String.join("_", constraint.columns()) + "_fkey"
            : table.name() + "_check");
  }
}
