package io.migrationsafety.rules.index;

import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.rules.StatementText;
import io.migrationsafety.schema.Index;
import java.util.List;
import java.util.Optional;

/**
 * {@code REINDEX} without {@code CONCURRENTLY}: it holds SHARE on the table (writes wait) and
 * ACCESS EXCLUSIVE on each index it rebuilds, and since the planner locks every index of a table
 * it plans for, most reads wait too (SQL Commands: REINDEX, Notes and "Rebuilding Indexes
 * Concurrently"; CONCURRENTLY from PostgreSQL 12).
 */
public final class RequireConcurrentReindex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-concurrent-reindex",
      "REINDEX without CONCURRENTLY blocks writes, and most reads, for the whole rebuild", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Reindex reindex) || reindex.concurrently()) {
      return List.of();
    }
    String what = subject(reindex, context);
    if (what == null) {
      return List.of();
    }
    // REINDEX SYSTEM has no CONCURRENTLY form (system catalogs cannot be rebuilt concurrently).
    boolean system = context.statement().statement().tokens().stream().anyMatch(t -> t.is("system"));
    String safe = system ? null : StatementText.insertAfter(
        context.statement().statement(), t -> t.is("index") || t.is("table") || t.is("schema") || t.is("database"),
        " CONCURRENTLY");
    return List.of(context.finding(this,
        "REINDEX of " + what + " blocks writes, and queries that could use the rebuilt indexes, until it finishes",
        "Without CONCURRENTLY, REINDEX holds SHARE on the table and ACCESS EXCLUSIVE on each index it rebuilds. "
            + "The planner locks every index of a table it plans a query for, so reads wait too, not only writes"
            + (safe == null ? "; REINDEX SYSTEM has no CONCURRENTLY form: build a "
                + "new index with CREATE INDEX CONCURRENTLY and drop the old one with DROP INDEX CONCURRENTLY." : "."),
        safe == null ? "-- REINDEX SYSTEM has no CONCURRENTLY form: run it by hand in a maintenance window, not in a "
            + "migration" : "-- CONCURRENTLY (PostgreSQL 12+) cannot run inside a transaction: give it a migration "
            + "of its own\n" + safe + ";"));
  }

  /**
   * What the statement rebuilds, in words, or {@code null} when it only touches a table too small
   * (or too new) for the lock to matter.
   */
  private static String subject(Reindex reindex, StatementContext context) {
    if (reindex.target() == ObjectType.INDEX) {
      QualifiedName index = context.resolve(reindex.name());
      Optional<QualifiedName> table = context.before().index(index).map(Index::table);
      // An index the schema does not know sits on a table of unknown size: unknown is large.
      if (table.isPresent() && !context.isLarge(table.get())) {
        return null;
      }
      return index + table.map(t -> " on " + t).orElse("");
    }
    if (reindex.target() == ObjectType.TABLE) {
      QualifiedName table = context.resolve(reindex.name());
      return context.isLarge(table) ? "the indexes of " + table : null;
    }
    // SCHEMA and DATABASE rebuild every index of many tables, one table at a time.
    return reindex.name() == null ? "the whole database" : reindex.target().name().toLowerCase(java.util.Locale.ROOT)
        + " " + reindex.name();
  }
}
