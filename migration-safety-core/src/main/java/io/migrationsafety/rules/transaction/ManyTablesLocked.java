package io.migrationsafety.rules.transaction;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One transaction that takes SHARE ROW EXCLUSIVE or stronger on more than two existing tables.
 * Those locks add up and are all held until commit (Explicit Locking, Table-Level Locks), and an
 * application transaction that locks the same tables in another order deadlocks with the migration
 * (Explicit Locking, Deadlocks). Reported once per transaction, at the statement that locks the
 * third table.
 */
public final class ManyTablesLocked implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("many-tables-locked",
      "One transaction takes strong locks on more than two existing tables: deadlock risk, long combined lock",
      Severity.WARNING);

  /** More strongly locked existing tables than this in one transaction are flagged. */
  static final int LIMIT = 2;

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!context.transaction().inTransaction()) {
      return List.of(); // autocommit: each statement's locks end with it
    }
    Map<QualifiedName, LockMode> before = strong(context, context.transaction().held());
    if (before.size() > LIMIT) {
      return List.of(); // already reported at the statement that crossed the limit
    }
    Map<QualifiedName, LockMode> all = new LinkedHashMap<>(before);
    strong(context, context.locks()).forEach((table, mode) -> all.merge(table, mode, LockMode::max));
    if (all.size() <= LIMIT) {
      return List.of();
    }
    String order = all.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().sqlName() + ")")
        .collect(Collectors.joining(", "));
    return List.of(context.finding(this,
        "This transaction holds strong locks on " + all.size() + " existing tables, in this order: " + order,
        "Every one of these locks is held until commit, so each table stays blocked for as long as the slowest "
            + "step; and an application transaction that locks two of them in the other order deadlocks with "
            + "the migration — one of the two is aborted.",
        "-- change one table per migration (or per transaction), with a short lock_timeout:\n"
            + "SET LOCAL lock_timeout = '5s';"));
  }

  /**
   * The partitioned table a partition belongs to, at the top: PostgreSQL locks a partitioned
   * table's partitions itself, in its own order, so they count as one table here.
   */
  private static QualifiedName root(StatementContext context, QualifiedName relation) {
    QualifiedName current = relation;
    for (int depth = 0; depth < 32; depth++) {
      QualifiedName parent = context.before().table(current).map(t -> t.partitionOf()).orElse(null);
      if (parent == null) {
        return current;
      }
      current = context.resolve(parent);
    }
    return current;
  }

  /** The existing tables (not indexes, not created in these migrations) locked SHARE ROW EXCLUSIVE or stronger. */
  private static Map<QualifiedName, LockMode> strong(StatementContext context, List<LockEffect> locks) {
    Map<QualifiedName, LockMode> tables = new LinkedHashMap<>();
    for (LockEffect l : locks) {
      if (l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0 && !context.isNewTable(l.relation())
          && context.before().index(l.relation()).isEmpty()) {
        tables.merge(root(context, l.relation()), l.mode(), LockMode::max);
      }
    }
    return tables;
  }
}
