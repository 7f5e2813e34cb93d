package io.migrationsafety.alembic.internal;

import java.util.List;

/**
 * An Alembic revision file, read.
 *
 * @param revision its {@code revision} identifier, or {@code null} when the file sets none it can read
 * @param downRevisions its {@code down_revision}s (empty for a base revision)
 * @param branchLabels its {@code branch_labels}
 * @param dependsOn its {@code depends_on}
 * @param problems what in the module-level identifiers could not be read
 * @param message the first line of its docstring, or empty
 * @param upgrade its {@code upgrade()}, or {@code null} when it has none
 * @param downgrade its {@code downgrade()}, or {@code null} when it has none
 */
public record RevisionModule(
    String revision,
    List<String> downRevisions,
    List<String> branchLabels,
    List<String> dependsOn,
    List<String> problems,
    String message,
    Translation upgrade,
    Translation downgrade) {

  public RevisionModule {
    downRevisions = List.copyOf(downRevisions);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    problems = List.copyOf(problems);
  }
}
