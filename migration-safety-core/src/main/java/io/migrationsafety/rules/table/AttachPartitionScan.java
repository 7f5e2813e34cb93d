package io.migrationsafety.rules.table;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.lock.PartitionBounds;
import io.migrationsafety.operation.AttachPartition;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;
import java.util.Optional;

/**
 * {@code ATTACH PARTITION} of a large table that has no valid CHECK constraint matching its bound:
 * PostgreSQL scans the whole table under ACCESS EXCLUSIVE to prove every row fits (SQL Commands:
 * ALTER TABLE, ATTACH PARTITION; DDL, Partitioning, Partition Maintenance). With a CHECK that
 * states the bound, added NOT VALID and validated under SHARE UPDATE EXCLUSIVE, the attach skips
 * the scan and is a catalog change. The lock model tells whether the scan happens.
 */
public final class AttachPartitionScan implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("attach-partition-scan",
      "ATTACH PARTITION without a CHECK matching the bound scans the partition under ACCESS EXCLUSIVE",
      Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof AttachPartition attach)) {
      return List.of();
    }
    QualifiedName partition = context.resolve(attach.partition());
    boolean scanned = !context.locksKnown() || context.locks().stream()
        .anyMatch(l -> l.relation().equals(partition) && l.scan());
    if (!scanned || !context.isLarge(partition)) {
      return List.of();
    }
    Optional<String> condition = context.tableBefore(attach.table().name())
        .flatMap(parent -> PartitionBounds.condition(parent, attach.bound()));
    String p = attach.partition().sql();
    String check = QualifiedName.quote(limit(attach.partition().name() + "_bound"));
    String safe = condition.map(c -> "ALTER TABLE " + p + " ADD CONSTRAINT " + check + " CHECK (" + c + ") NOT VALID;\n"
        + "-- in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
        + "ALTER TABLE " + p + " VALIDATE CONSTRAINT " + check + ";\n"
        + "-- the valid CHECK lets the attach skip its scan:\n"
        + context.statement().statement().text() + ";\n"
        + "ALTER TABLE " + p + " DROP CONSTRAINT " + check + ";")
        .orElse("-- add a CHECK constraint on " + p + " that states the bound " + attach.bound().strip()
            + " (and NOT NULL of the key), NOT VALID, and VALIDATE it in a later transaction; then:\n"
            + context.statement().statement().text() + ";");
    String mode = context.locks().stream().filter(l -> l.relation().equals(partition)).findFirst()
        .map(LockEffect::mode).map(m -> m.sqlName()).orElse("ACCESS EXCLUSIVE");
    return List.of(context.finding(this,
        "ATTACH PARTITION scans all of " + partition + " under " + mode + " to check its rows against the bound",
        "No valid CHECK constraint on " + partition + " states the partition bound, so PostgreSQL reads every row "
            + "while the table is closed to every reader and writer (and a DEFAULT partition of the parent is "
            + "scanned the same way for rows that now belong to the new partition).",
        safe));
  }

  private static String limit(String identifier) {
    return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
  }
}
