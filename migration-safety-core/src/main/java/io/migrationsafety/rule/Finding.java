package io.migrationsafety.rule;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found, pointing at the exact place.
 *
 * @param rule the id of the rule that found it
 * @param severity how much it matters, after the policy
 * @param file the migration file
 * @param line the one-based line of the statement
 * @param column the one-based column of the statement
 * @param message what is wrong, in one sentence about this statement
 * @param why why it is dangerous
 * @param suggestion the safe way to do it, as SQL for this very statement, or {@code null}
 * @param locks the locks the statement takes, when the rule knows them
 */
public record Finding(
    String rule,
    Severity severity,
    String file,
    int line,
    int column,
    String message,
    String why,
    String suggestion,
    List<LockNote> locks) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(why, "why");
    locks = List.copyOf(locks);
  }

  /** This finding with another severity. */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, file, line, column, message, why, suggestion, locks);
  }
}
