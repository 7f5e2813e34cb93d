package io.migrationsafety.rules.convention;

import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.MigrationSetContext;
import io.migrationsafety.rule.MigrationSetRule;
import io.migrationsafety.rule.ParsedMigration;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.suppression.ScriptSuppressions;
import io.migrationsafety.suppression.SuppressionParser;
import io.migrationsafety.suppression.SuppressionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code migration-safety:} comment that is not a valid suppression: no reason, a malformed rule
 * id, an unknown directive, or a file-level suppression after the first statement. A suppression
 * must say why, so that the next reader can judge it.
 */
public final class InvalidSuppression implements MigrationSetRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("invalid-suppression",
      "Suppression comment without a reason, or malformed: it suppresses nothing", Severity.BLOCKED);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(MigrationSetContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ParsedMigration migration : context.migrations()) {
      ScriptSuppressions suppressions = ScriptSuppressions.of(
          migration.script().statements().stream().map(ParsedStatement::statement).toList());
      for (SuppressionProblem problem : suppressions.problems()) {
        findings.add(new Finding(id(), METADATA.defaultSeverity(), migration.script().file(),
            problem.position().line(), problem.position().column(), problem.message(),
            "A suppression has to name the rule and say why it does not apply here; one that does not is "
                + "ignored, so the finding it meant to silence still counts.",
            correction(problem), List.of()));
      }
    }
    return findings;
  }

  /** The comment as it has to be written, in the form the problem is about. */
  private static String correction(SuppressionProblem problem) {
    if (problem.message().startsWith("migration-safety:no-transaction")) {
      return "-- move it to the top of the file, before the first statement:\n-- migration-safety:no-transaction";
    }
    if (problem.message().startsWith("migration-safety:ignore-file")) {
      return "-- before the file's first statement, or for this statement only:\n"
          + SuppressionParser.IGNORE_FILE_FORM + "\n" + SuppressionParser.IGNORE_FORM;
    }
    return "-- name the rule and say why it does not apply here, e.g.:\n"
        + "-- migration-safety:ignore require-concurrent-index the table holds 12 rows, by design\n"
        + "-- the form: " + SuppressionParser.IGNORE_FORM.substring(3);
  }
}
