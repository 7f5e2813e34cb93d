package io.migrationsafety.rules.convention;

import io.migrationsafety.format.Migration;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rollback.RollbackCheck;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.RollbackVerifier;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The down script a migration ships does not undo it: replaying the schema before the migration
 * through the migration and then the down script does not give the schema before back. Checked
 * once per migration, at its first statement, where the rule sees the schema before it.
 */
public final class RollbackMismatch implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("rollback-mismatch",
      "Down script that does not undo its migration", Severity.WARNING);

  /** How many differences the message names; the rest are counted. */
  private static final int NAMED = 3;

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    Migration migration = context.migration().migration();
    if (!migration.hasDownScript() || !isFirstOperation(context)) {
      return List.of();
    }
    ParsedScript up = context.migration().script();
    Schema before = context.before();
    ParsedScript down = SqlParser.parse(migration.downScript(), migration.downFile().getFileName().toString());
    RollbackCheck check = RollbackVerifier.verify(before, up, down, context.defaultSchema());
    // The verifier already lets pass a down script naming what the known schema lacks, as the migration does.
    List<String> misses = new ArrayList<>(check.differences());
    check.problems().forEach(p -> misses.add("the down script fails at " + p));
    if (misses.isEmpty()) {
      return List.of();
    }
    String named = String.join("; ", misses.subList(0, Math.min(NAMED, misses.size())))
        + (misses.size() > NAMED ? "; and " + (misses.size() - NAMED) + " more" : "");
    return List.of(context.finding(this,
        "The down script " + migration.downFile().getFileName() + " does not undo this migration: " + named,
        "Rolling back with it would leave the database in a state that no migration describes, and the next "
            + "deploy of this migration would then fail or do something else than it does now.",
        synthesized(context, up)));
  }

  /** The synthesized rollback, when it restores the schema: a down script that does. */
  private static String synthesized(StatementContext context, ParsedScript up) {
    RollbackPlan plan = Rollbacks.plan(up.file(), up, context.before(), context.defaultSchema());
    return plan.reversible() && plan.check().restoresSchema() ? plan.sql() : null;
  }

  private static boolean isFirstOperation(StatementContext context) {
    for (ParsedStatement statement : context.migration().script().statements()) {
      if (!statement.operations().isEmpty()) {
        return statement.operations().get(0) == context.operation();
      }
    }
    return false;
  }
}
