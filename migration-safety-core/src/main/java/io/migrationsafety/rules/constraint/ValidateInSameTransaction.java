package io.migrationsafety.rules.constraint;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code VALIDATE CONSTRAINT} in the same transaction as the {@code ADD CONSTRAINT … NOT VALID}
 * that created it. The two-step pattern exists so that the validation scan runs under SHARE UPDATE
 * EXCLUSIVE only (SQL Commands: ALTER TABLE, "VALIDATE CONSTRAINT" and the notes on NOT VALID);
 * but table locks are released only at the end of the transaction (Explicit Locking, Table-Level
 * Locks), so the ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (FOREIGN KEY) the add took is
 * still held during the whole scan — as if the constraint had been added valid.
 */
public final class ValidateInSameTransaction implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("validate-in-same-transaction",
      "VALIDATE CONSTRAINT in the transaction that added it NOT VALID: the add's strong lock is held for the scan",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof ValidateConstraint validate) || !context.transaction().inTransaction()) {
      return List.of();
    }
    QualifiedName table = context.resolve(validate.table().name());
    if (!addedNotValidEarlier(context, table, validate.name())) {
      return List.of();
    }
    // The add is in this transaction, so the table need not be large for the lock to matter less:
    // a table created in these migrations has no readers yet.
    if (context.isNewTable(table)) {
      return List.of();
    }
    Optional<LockEffect> held = context.transaction().held().stream()
        .filter(l -> l.relation().equals(table)).findFirst();
    String mode = held.map(l -> l.mode().sqlName()).orElse("a strong lock");
    String blocks = held.map(l -> l.mode().blocks()).orElse("writes");
    return List.of(context.finding(this,
        "VALIDATE CONSTRAINT " + validate.name() + " runs in the transaction that added it NOT VALID: "
            + mode + " on " + table + " is still held during the validation scan",
        "Locks are released only at commit, so the " + mode + " taken by ADD CONSTRAINT … NOT VALID (it blocks "
            + blocks + ") lasts through the scan of every row. Validating in a later transaction takes only "
            + "SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.",
        "-- commit the ADD CONSTRAINT … NOT VALID first, then in a separate migration or transaction:\n"
            + context.statement().statement().text() + ";"));
  }

  /** Whether an earlier operation of this transaction added {@code name} to {@code table} NOT VALID. */
  private static boolean addedNotValidEarlier(StatementContext context, QualifiedName table, String name) {
    for (Operation op : context.transaction().earlier()) {
      if (op instanceof AddConstraint add && add.constraint().notValid() && add.constraint().name() != null
          && add.constraint().name().equalsIgnoreCase(name) && context.resolve(add.table().name()).equals(table)) {
        return true;
      }
    }
    return false;
  }
}
