package io.migrationsafety.suppression;

import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.sql.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * One well-formed suppression comment.
 *
 * @param scope whether it covers its statement or the whole file
 * @param ruleIds the rule ids it names, as written (one or more)
 * @param reason why the findings are acceptable, as written (whitespace runs made single spaces)
 * @param position where the directive ({@code migration-safety:…}) starts in the script
 */
public record Suppression(Scope scope, List<String> ruleIds, String reason, SourcePosition position) {

  /** What a suppression covers. */
  public enum Scope {
    /** The statement whose comment holds it: {@code migration-safety:ignore}. */
    STATEMENT,
    /** Every statement of the file: {@code migration-safety:ignore-file} before the first statement. */
    FILE
  }

  public Suppression {
    Objects.requireNonNull(scope, "scope");
    ruleIds = List.copyOf(ruleIds);
    if (ruleIds.isEmpty()) {
      throw new IllegalArgumentException("a suppression names at least one rule");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a suppression needs a reason");
    }
    Objects.requireNonNull(position, "position");
  }

  /** Whether it names {@code ruleId} exactly. */
  public boolean covers(String ruleId) {
    return ruleIds.contains(ruleId);
  }

  /** Whether it names {@code rule} by its id or by one of its former ids. */
  public boolean covers(RuleMetadata rule) {
    return covers(rule.id()) || rule.aliases().stream().anyMatch(this::covers);
  }
}
