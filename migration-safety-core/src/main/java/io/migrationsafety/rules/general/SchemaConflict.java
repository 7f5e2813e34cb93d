package io.migrationsafety.rules.general;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that does not fit the schema it runs on: it alters a column or table that does not
 * exist, or creates one that already does. PostgreSQL would stop the migration with an error.
 */
public final class SchemaConflict implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("schema-conflict",
      "Statement refers to something missing, or creates something that exists: it would fail", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    List<Finding> findings = new ArrayList<>();
    for (String problem : context.replayProblems()) {
      findings.add(context.finding(this,
          "This statement does not fit the schema: " + problem,
          "Replaying the migrations in order, this statement meets a schema where it cannot apply; PostgreSQL "
              + "would raise an error and the migration would stop (and, outside a transaction, leave the "
              + "statements before it applied).",
          null));
    }
    return findings;
  }
}
