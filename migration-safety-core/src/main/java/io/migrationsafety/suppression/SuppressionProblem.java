package io.migrationsafety.suppression;

import io.migrationsafety.sql.SourcePosition;
import java.util.Objects;

/**
 * A suppression comment that cannot be honoured: no reason, a malformed rule id, an unknown
 * directive, or {@code ignore-file} after the first statement. It suppresses nothing; the engine
 * reports it as a finding.
 *
 * @param position where the directive ({@code migration-safety:…}) starts in the script
 * @param message what is wrong, ending with the correct form
 */
public record SuppressionProblem(SourcePosition position, String message) {

  public SuppressionProblem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }
}
