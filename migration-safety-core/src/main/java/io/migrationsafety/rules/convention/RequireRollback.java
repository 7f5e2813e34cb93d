package io.migrationsafety.rules.convention;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy requires a rollback script for every migration ({@code conventions.require_rollback})
 * and one has none. Off unless the policy asks for rollbacks.
 */
public final class RequireRollback implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("require-rollback",
      "Migration without a rollback script where the policy requires one", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    if (!context.policy().conventions().requireRollback()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (ParsedMigration pm : context.migrations()) {
      if (!pm.migration().hasDownScript()) {
        findings.add(context.finding(this, pm.script().file(), 1,
            "Migration " + pm.migration().id() + " has no rollback script",
            "The policy asks every migration to say how to undo it, so that a bad release can be rolled back "
                + "without writing SQL under pressure.",
            "-- add " + MigrationFileNames.rollbackOf(context.set().format(), pm.script().file())
                + "\n-- `migration-safety rollback` writes a first version of its SQL"));
      }
    }
    return findings;
  }
}
