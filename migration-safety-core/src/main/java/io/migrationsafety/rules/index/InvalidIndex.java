package io.migrationsafety.rules.index;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Index;
import java.util.List;
import java.util.Optional;

/**
 * An INVALID index — what a failed or cancelled {@code CREATE INDEX CONCURRENTLY} leaves behind
 * (SQL Commands: CREATE INDEX, Building Indexes Concurrently) — that a statement takes for a
 * working one: {@code CREATE INDEX … IF NOT EXISTS} with its name does nothing (the invalid index
 * stays, unused by queries but still updated by every write), and {@code ADD CONSTRAINT … USING
 * INDEX} of it fails. Schema-aware: the validity comes from the database or snapshot.
 */
public final class InvalidIndex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("invalid-index",
      "a statement relies on an INVALID index left behind by a failed concurrent build", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (context.operation() instanceof CreateIndex create && create.ifNotExists() && create.name() != null) {
      QualifiedName table = context.resolve(create.table().name());
      Optional<Index> existing = invalid(context, QualifiedName.of(table.schema(), create.name()));
      if (existing.isEmpty()) {
        return List.of();
      }
      String rebuilt = context.statement().statement().text().replaceFirst("(?i)\\s+if\\s+not\\s+exists", "");
      return List.of(context.finding(this,
          "Index " + existing.get().name() + " exists but is INVALID: IF NOT EXISTS skips this build and leaves it "
              + "unusable",
          "A failed or cancelled CREATE INDEX CONCURRENTLY leaves the index INVALID: queries do not use it, every "
              + "write still updates it, and a unique one still rejects duplicates. IF NOT EXISTS sees the name "
              + "and does nothing, so the migration succeeds without a working index.",
          "-- in a migration of its own that runs outside a transaction:\nDROP INDEX CONCURRENTLY IF EXISTS "
              + existing.get().name().sql() + ";\n" + rebuilt + ";"));
    }
    if (context.operation() instanceof AddConstraint add && add.constraint().usingIndex() != null) {
      QualifiedName table = context.resolve(add.table().name());
      Optional<Index> existing = invalid(context, QualifiedName.of(table.schema(), add.constraint().usingIndex()));
      if (existing.isEmpty()) {
        return List.of();
      }
      return List.of(context.finding(this,
          "USING INDEX " + existing.get().name() + " names an INVALID index: the statement fails",
          "PostgreSQL accepts only a valid index as a constraint's index; an invalid one is what a failed "
              + "concurrent build left behind.",
          "-- rebuild it first, in a migration of its own that runs outside a transaction:\nREINDEX INDEX CONCURRENTLY "
              + existing.get().name().sql() + ";\n" + context.statement().statement().text() + ";"));
    }
    return List.of();
  }

  private static Optional<Index> invalid(StatementContext context, QualifiedName name) {
    return context.before().index(name).filter(i -> !i.valid());
  }
}
