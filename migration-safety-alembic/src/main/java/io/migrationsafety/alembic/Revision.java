package io.migrationsafety.alembic;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One node of an Alembic revision graph.
 *
 * @param id its {@code revision} identifier
 * @param downRevisions the revisions it follows ({@code down_revision}; two or more at a merge point)
 * @param dependsOn the revisions or branch labels it depends on ({@code depends_on})
 * @param branchLabels its {@code branch_labels}
 * @param file the file that declares it
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
    Path file) {

  public Revision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    downRevisions = List.copyOf(downRevisions);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
  }
}
