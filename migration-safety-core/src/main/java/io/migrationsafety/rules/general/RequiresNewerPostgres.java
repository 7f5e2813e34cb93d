package io.migrationsafety.rules.general;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterColumnAttribute;
import io.migrationsafety.operation.AlterConstraint;
import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.ColumnAttribute;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.TableSetting;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Locale;

/**
 * A statement that needs a newer PostgreSQL than the review targets: older servers reject it
 * (mostly as a syntax error), so the migration fails there. Each gate is the release that added
 * the form (SQL Commands: ALTER TABLE, CREATE TABLE, CREATE INDEX, MERGE, and the release notes),
 * and each is checked against PostgreSQL 13 and 17 by {@code VersionGateTest}.
 */
public final class RequiresNewerPostgres implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("requires-newer-postgres",
      "a statement the target PostgreSQL version does not have: it fails there", Severity.BLOCKED);

  /** A form of SQL, the first major version that has it, and what to write before that. */
  record Gate(String what, int since, String instead) {}

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    Gate gate = gate(context.operation());
    if (gate == null || context.postgresVersion() >= gate.since()) {
      return List.of();
    }
    return List.of(context.finding(this,
        gate.what() + " needs PostgreSQL " + gate.since() + "; the target is " + context.postgresVersion(),
        "PostgreSQL " + context.postgresVersion() + " rejects it, so the migration fails there. If the servers "
            + "really run " + gate.since() + " or later, set postgres_version in the policy (or --pg-version).",
        gate.instead()));
  }

  /** Whether the rule flags {@code operation} for a target of {@code postgresVersion}. */
  public static boolean flags(Operation operation, int postgresVersion) {
    Gate gate = gate(operation);
    return gate != null && postgresVersion < gate.since();
  }

  /** The gate the operation is subject to, or {@code null}. */
  static Gate gate(Operation op) {
    if (op instanceof DetachPartition d && (d.concurrently() || d.finalizing())) {
      return new Gate("DETACH PARTITION … CONCURRENTLY/FINALIZE", 14,
          "-- before 14 only the plain form exists (ACCESS EXCLUSIVE on the parent); bound the wait:\n"
              + "SET LOCAL lock_timeout = '5s';\nALTER TABLE " + d.table().name().sql() + " DETACH PARTITION "
              + d.partition().sql() + ";");
    }
    if (op instanceof AlterColumnAttribute a && a.attribute() == ColumnAttribute.COMPRESSION) {
      return new Gate("SET COMPRESSION", 14, "-- before 14 the compression method is the server's: leave this out");
    }
    if (op instanceof AlterTableSetting s && s.setting() == TableSetting.ACCESS_METHOD) {
      return new Gate("SET ACCESS METHOD", 15, "-- before 15: CREATE TABLE … (LIKE " + s.table().name().sql()
          + " INCLUDING ALL) USING " + s.detail().strip() + ", copy the rows, and swap the names");
    }
    if (op instanceof CreateIndex i && i.nullsNotDistinct()
        || op instanceof AddConstraint c && c.constraint().nullsNotDistinct()) {
      return new Gate("NULLS NOT DISTINCT", 15,
          "-- before 15: a unique index on COALESCE(col, <a value no row uses>) treats NULLs as equal");
    }
    if (op instanceof DataChange d && d.dmlKind() == DmlKind.MERGE) {
      return new Gate("MERGE", 15, "-- before 15: INSERT … ON CONFLICT … DO UPDATE, or an UPDATE and an INSERT");
    }
    if (op instanceof AlterColumnAttribute a && a.attribute() == ColumnAttribute.SET_EXPRESSION) {
      return new Gate("SET EXPRESSION of a generated column", 17,
          "-- before 17: drop the generated column and add it again with the new expression (a rewrite either way)");
    }
    if (op instanceof AddColumn add && add.column().generated() != null && !add.column().generated().stored()
        || op instanceof CreateTable t && t.columns().stream().anyMatch(c -> c.generated() != null
            && !c.generated().stored())) {
      return new Gate("a virtual generated column (GENERATED ALWAYS AS (…) without STORED)", 18,
          "-- before 18 generated columns are STORED: write GENERATED ALWAYS AS (…) STORED (on an existing table, "
              + "a rewrite), or compute the value in a view");
    }
    if (op instanceof AddConstraint c && c.constraint().kind() == ConstraintKind.NOT_NULL) {
      return new Gate("ADD CONSTRAINT … NOT NULL", 18, "-- before 18: ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT "
          + "VALID, VALIDATE CONSTRAINT in a later transaction, then ALTER COLUMN … SET NOT NULL (no scan)");
    }
    if (op instanceof AlterConstraint a && a.change().toLowerCase(Locale.ROOT).contains("enforced")) {
      return new Gate("ALTER CONSTRAINT … [NOT] ENFORCED", 18,
          "-- before 18: DROP CONSTRAINT, and ADD it again NOT VALID + VALIDATE to enforce it");
    }
    return null;
  }
}
