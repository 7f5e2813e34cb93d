package io.migrationsafety.estimate;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockModel;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.TransactionAction;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.TableSize;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates one migration as the review walks it: each operation is costed on the schema before
 * it, each statement's locks go on the {@link LockTimeline}, and transaction ends close the holds.
 * A table's size comes from the policy's declared sizes, else from the schema (introspected or a
 * snapshot); a table the reviewed migrations created holds no rows yet.
 *
 * <p>Not thread-safe: one per migration.
 */
public final class MigrationEstimator {

  private final CostModel model;
  private final Policy policy;
  private final Set<QualifiedName> created;
  private final LockTimeline timeline = new LockTimeline();
  private final List<int[]> positions = new ArrayList<>();
  private Estimate statement;
  private final List<LockEffect> statementLocks = new ArrayList<>();
  private boolean endsTransaction;

  /**
   * @param created the tables the reviewed migrations created so far (a live view the review updates)
   */
  public MigrationEstimator(CostModel model, Policy policy, Set<QualifiedName> created) {
    this.model = model;
    this.policy = policy;
    this.created = created;
  }

  /** Costs one operation of the current statement, on the schema before it. */
  public void operation(Operation operation, List<LockEffect> locks, boolean locksKnown, Schema before,
      String defaultSchema) {
    Estimate estimate = locksKnown
        ? model.estimate(operation, locks, before, defaultSchema, name -> stats(before, name))
        : Estimate.unknown("the locks and work of this statement are not known");
    statement = statement == null ? estimate : statement.plus(estimate);
    statementLocks.addAll(locks);
    if (operation instanceof TransactionControl tc && (tc.action() == TransactionAction.COMMIT
        || tc.action() == TransactionAction.ROLLBACK || tc.action() == TransactionAction.PREPARE)) {
      endsTransaction = true;
    }
  }

  /**
   * Ends the current statement.
   *
   * @param inTransaction whether it ran inside a transaction block (the migration's or an explicit one)
   */
  public void statementDone(int line, int column, boolean inTransaction) {
    Estimate estimate = statement == null ? Estimate.of(0, "nothing to do") : statement;
    // A table these migrations created has nobody to block: its locks do not count as held.
    List<LockEffect> onExisting = statementLocks.stream().filter(l -> !created.contains(l.relation())).toList();
    timeline.statement(estimate, LockModel.merge(onExisting), inTransaction);
    positions.add(new int[] {line, column});
    if (endsTransaction) {
      timeline.endTransaction();
    }
    statement = null;
    statementLocks.clear();
    endsTransaction = false;
  }

  /** The migration's estimate; ends its transaction (the tool commits at the end of the file). */
  public MigrationEstimate finish() {
    timeline.endTransaction();
    List<StatementEstimate> statements = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      int[] at = positions.get(i);
      statements.add(new StatementEstimate(at[0], at[1], timeline.estimate(i), timeline.holds(i)));
    }
    return new MigrationEstimate(timeline.durationMs(), timeline.lockMs(), timeline.upperBound(), statements);
  }

  private TableStats stats(Schema before, QualifiedName name) {
    int indexes = before.indexesOn(name).size();
    if (created.contains(name)) {
      return new TableStats(0L, 0L, indexes);
    }
    Optional<TableSize> declared = policy.tableSize(name);
    if (declared.isPresent()) {
      return new TableStats(declared.get().rows(), declared.get().bytes(), indexes);
    }
    Optional<Table> table = before.table(name);
    return table.map(t -> new TableStats(t.rowEstimate(), t.sizeBytes(), indexes)).orElse(TableStats.unknown(indexes));
  }
}
