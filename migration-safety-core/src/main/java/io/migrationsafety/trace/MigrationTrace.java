package io.migrationsafety.trace;

import io.migrationsafety.rule.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The trace of one migration.
 *
 * @param file its file, relative to the traced directory
 * @param id its id
 * @param statements one entry per statement, in order
 * @param findings where the lock model and the server disagreed ({@code lock-model-disagreement})
 */
public record MigrationTrace(String file, String id, List<StatementTrace> statements, List<Finding> findings) {

  public MigrationTrace {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(id, "id");
    statements = List.copyOf(statements);
    findings = List.copyOf(findings);
  }
}
