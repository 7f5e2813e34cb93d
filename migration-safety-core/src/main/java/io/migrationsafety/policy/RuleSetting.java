package io.migrationsafety.policy;

import io.migrationsafety.rule.Severity;

/**
 * What the policy says about one rule.
 *
 * @param enabled {@code false} when the policy turns the rule off
 * @param severity the severity it gives the rule's findings, or {@code null} to keep the rule's own
 */
public record RuleSetting(boolean enabled, Severity severity) {

  /** The rule is off. */
  public static RuleSetting off() {
    return new RuleSetting(false, null);
  }

  /** The rule runs with {@code severity}. */
  public static RuleSetting at(Severity severity) {
    return new RuleSetting(true, severity);
  }
}
