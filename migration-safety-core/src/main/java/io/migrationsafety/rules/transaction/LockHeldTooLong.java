package io.migrationsafety.rules.transaction;

import io.migrationsafety.estimate.LockHold;
import io.migrationsafety.estimate.MigrationEstimate;
import io.migrationsafety.estimate.Sizes;
import io.migrationsafety.estimate.StatementEstimate;
import io.migrationsafety.policy.EstimateSettings;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A lock that blocks reads or writes on a table in use is held, by the estimate, longer than the
 * policy allows ({@code estimates.block_lock_above}, {@code estimates.warn_lock_above}): from the
 * statement that takes it to the end of its transaction, so the work of every later statement in
 * the transaction counts. A hold without an estimate (unknown size) says nothing here: the rules
 * about the work itself treat unknown sizes as large.
 */
public final class LockHeldTooLong implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("lock-held-too-long",
      "A lock that blocks reads or writes held longer than the policy allows, by the estimate", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    EstimateSettings limits = context.policy().estimates();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < context.migrations().size(); i++) {
      ParsedMigration migration = context.migrations().get(i);
      MigrationEstimate estimate = context.estimates().get(i);
      for (StatementEstimate statement : estimate.statements()) {
        for (LockHold hold : statement.holds()) {
          Severity severity = severity(hold, limits);
          if (severity != null) {
            findings.add(finding(migration, statement, hold, severity, limits));
          }
        }
      }
    }
    return findings;
  }

  private static Severity severity(LockHold hold, EstimateSettings limits) {
    if (hold.lockMs() == null || !(hold.mode().blocksReads() || hold.mode().blocksWrites())) {
      return null;
    }
    if (hold.lockMs() > limits.blockLockAboveMs()) {
      return Severity.BLOCKED;
    }
    return hold.lockMs() > limits.warnLockAboveMs() ? Severity.WARNING : null;
  }

  private static Finding finding(ParsedMigration migration, StatementEstimate statement, LockHold hold,
      Severity severity, EstimateSettings limits) {
    String held = (hold.upperBound() ? "up to " : "about ") + Sizes.duration(hold.lockMs());
    long limit = severity == Severity.BLOCKED ? limits.blockLockAboveMs() : limits.warnLockAboveMs();
    boolean alone = hold.lockMs().equals(statement.estimate().durationMs());
    String message = hold.mode().sqlName() + " on " + hold.relation() + " is held " + held
        + (alone ? "" : " (this statement and the rest of its transaction)") + ", over the policy's "
        + Sizes.duration(limit) + ": it blocks " + hold.mode().blocks();
    String why = "While the lock is held, every query that conflicts with it waits, and so does every query queued "
        + "behind those: for " + held + " the application sees timeouts on " + hold.relation() + ". "
        + (alone ? "The estimate rests on " + (statement.estimate().basis().isEmpty() ? "the calibrated rates"
            : statement.estimate().basis()) + "."
            : "PostgreSQL releases the lock only at the end of the transaction, so the estimate adds up this statement "
                + "and every later one in it.");
    String suggestion = alone
        ? "-- Use the form of this statement that does not hold the lock for the whole work (see the other findings\n"
            + "-- on this line: CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches)."
        : "-- Commit right after the statement that takes the lock, and run the long work after it in its own\n"
            + "-- transactions (a backfill in batches, each committed), or split the migration in two.";
    return new Finding(METADATA.id(), severity, migration.script().file(), statement.line(), statement.column(),
        message, why, suggestion, List.of(new LockNote(hold.relation(), hold.mode().sqlName(), hold.rewrite())));
  }
}
