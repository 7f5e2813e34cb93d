package io.migrationsafety.rules.general;

import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import java.util.List;

/**
 * A statement the library did not understand. It is never reported as safe: the review cannot say
 * what it locks, rewrites or breaks.
 */
public final class UnparsedStatement implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("unparsed-statement",
      "Statement not understood: its locks and effects are unknown", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof Unrecognized unrecognized)) {
      return List.of();
    }
    return List.of(context.finding(this,
        "This statement was not understood: " + unrecognized.reason(),
        "The review cannot tell which locks it takes, whether it rewrites a table or fails on existing data, "
            + "so it does not count it as safe. Check it by hand, or run the lock trace on it.",
        null));
  }
}
