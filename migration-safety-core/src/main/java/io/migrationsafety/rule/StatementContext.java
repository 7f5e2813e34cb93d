package io.migrationsafety.rule;

import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.TableSize;
import io.migrationsafety.probe.DataProber;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a {@link StatementRule} knows about one operation.
 *
 * @param set the whole migration set under review
 * @param migration the migration it belongs to, parsed
 * @param statement the statement it comes from, with its source span
 * @param operation the operation itself
 * @param before the schema before the operation
 * @param after the schema after it
 * @param replayProblems what replaying the operation on {@code before} ran into (a missing column,
 *     an index that already exists …), empty when it applied cleanly
 * @param transaction the transaction it runs in and the settings in force
 * @param createdInReview the tables created earlier in the reviewed migrations (they hold no rows
 *     and have no readers to block yet)
 * @param defaultSchema the schema unqualified names resolve to ({@code search_path})
 * @param policy the review's policy
 * @param locks the locks the operation takes, from the lock model (one per relation, strongest
 *     mode); empty when it takes none or when {@code locksKnown} is false
 * @param locksKnown whether the lock model knows what the operation locks
 * @param probes the review's data probes on the live database ({@link DataProber.Session#NONE}
 *     without a database or with probes turned off)
 */
public record StatementContext(
    MigrationSet set,
    ParsedMigration migration,
    ParsedStatement statement,
    Operation operation,
    Schema before,
    Schema after,
    List<String> replayProblems,
    TransactionState transaction,
    Set<QualifiedName> createdInReview,
    String defaultSchema,
    Policy policy,
    List<LockEffect> locks,
    boolean locksKnown,
    DataProber.Session probes) {

  public StatementContext {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    replayProblems = List.copyOf(replayProblems);
    Objects.requireNonNull(transaction, "transaction");
    createdInReview = Set.copyOf(createdInReview);
    Objects.requireNonNull(defaultSchema, "defaultSchema");
    Objects.requireNonNull(policy, "policy");
    locks = List.copyOf(locks);
    Objects.requireNonNull(probes, "probes");
  }

  /** A context without data probes. */
  public StatementContext(MigrationSet set, ParsedMigration migration, ParsedStatement statement, Operation operation,
      Schema before, Schema after, List<String> replayProblems, TransactionState transaction,
      Set<QualifiedName> createdInReview, String defaultSchema, Policy policy, List<LockEffect> locks,
      boolean locksKnown) {
    this(set, migration, statement, operation, before, after, replayProblems, transaction, createdInReview,
        defaultSchema, policy, locks, locksKnown, DataProber.Session.NONE);
  }

  /** The target PostgreSQL major version. */
  public int postgresVersion() {
    return policy.postgresVersion();
  }

  /** {@code name} with its schema filled in from the search path when it has none. */
  public QualifiedName resolve(QualifiedName name) {
    return name.withDefaultSchema(defaultSchema);
  }

  /** Whether {@code table} was created by the reviewed migrations, before this statement. */
  public boolean isNewTable(QualifiedName table) {
    return createdInReview.contains(resolve(table));
  }

  /** The table {@code name} as it is before the operation. */
  public Optional<Table> tableBefore(QualifiedName name) {
    return before.table(resolve(name));
  }

  /**
   * Whether {@code table} may hold enough rows for a long lock or scan to hurt: not when created by
   * these migrations; else by the policy's declared size, the database's row estimate, and
   * otherwise yes (unknown is large).
   */
  public boolean isLarge(QualifiedName table) {
    QualifiedName name = resolve(table);
    if (createdInReview.contains(name)) {
      return false;
    }
    Optional<TableSize> declared = policy.tableSize(name);
    if (declared.isPresent()) {
      return declared.get().rows() >= policy.largeTableRows();
    }
    Long rows = before.table(name).map(Table::rowEstimate).orElse(null);
    return rows == null || rows >= policy.largeTableRows();
  }

  /**
   * Whether the policy or the starting schema gives {@code table}'s rows, so that durations on it
   * have an estimate (a table these migrations created counts as known: it is empty).
   */
  public boolean sizeKnown(QualifiedName table) {
    QualifiedName name = resolve(table);
    return createdInReview.contains(name) || policy.tableSize(name).isPresent()
        || before.table(name).map(t -> t.rowEstimate() != null).orElse(false);
  }

  /**
   * Whether {@code table} is known to hold no rows: the policy declares it empty, or the database
   * estimates it so. A table created earlier in the review does not count: rows may have been
   * inserted since, and a statement that fails on existing rows would fail on those.
   */
  public boolean knownEmpty(QualifiedName table) {
    Optional<TableSize> declared = policy.tableSize(table);
    if (declared.isPresent()) {
      return declared.get().rows() == 0;
    }
    Long rows = before.table(table).map(Table::rowEstimate).orElse(null);
    return rows != null && rows == 0;
  }

  /** Whether the operation takes {@code mode} or a stronger lock on some relation. */
  public boolean takes(LockMode mode) {
    return locks.stream().anyMatch(l -> l.mode().compareTo(mode) >= 0);
  }

  /**
   * A finding of {@code rule} at this statement, with the rule's default severity and the locks
   * the lock model says the statement takes.
   */
  public Finding finding(Rule rule, String message, String why, String suggestion) {
    List<LockNote> notes = locks.stream()
        .map(l -> new LockNote(l.relation().sql(), l.mode().sqlName(), l.rewrite())).toList();
    return new Finding(rule.id(), rule.metadata().defaultSeverity(), migration.script().file(),
        statement.statement().line(), statement.statement().column(), message, why, suggestion, notes);
  }
}
