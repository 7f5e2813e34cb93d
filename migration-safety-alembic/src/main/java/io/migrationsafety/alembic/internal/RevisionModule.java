package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.python.PyComment;
import io.migrationsafety.alembic.internal.python.Stmt;
import java.util.List;
import java.util.Map;

/**
 * An Alembic revision file, read: its identifiers at once, its functions translated on demand,
 * from the database they start from (a revision may inspect it to find what to change).
 *
 * @param revision its {@code revision} identifier, or {@code null} when the file sets none it can read
 * @param downRevisions its {@code down_revision}s (empty for a base revision)
 * @param branchLabels its {@code branch_labels}
 * @param dependsOn its {@code depends_on}
 * @param problems what in the module-level identifiers could not be read
 * @param message the first line of its docstring, or empty
 * @param upgradeFunction its {@code upgrade()}, or {@code null} when it has none
 * @param downgradeFunction its {@code downgrade()}, or {@code null} when it has none
 */
public record RevisionModule(
    String revision,
    List<String> downRevisions,
    List<String> branchLabels,
    List<String> dependsOn,
    List<String> problems,
    String message,
    Function upgradeFunction,
    Function downgradeFunction) {

  public RevisionModule {
    downRevisions = List.copyOf(downRevisions);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    problems = List.copyOf(problems);
  }

  /**
   * {@code upgrade()} translated from {@code before} ({@code null}: not known, so inspections give
   * unknown values); {@code null} when the file has none.
   */
  public Translation upgrade(SchemaState before) {
    return upgradeFunction == null ? null : upgradeFunction.translate(before);
  }

  /** {@code downgrade()} translated from {@code before} (the database after the upgrade). */
  public Translation downgrade(SchemaState before) {
    return downgradeFunction == null ? null : downgradeFunction.translate(before);
  }

  /** One of the two functions, with what translating it needs. */
  public static final class Function {
    private final Stmt.FunctionDef definition;
    private final int endLine;
    private final Map<String, Object> globals;
    private final List<PyComment> comments;
    private final ModuleResolver resolver;
    private final String file;

    Function(Stmt.FunctionDef definition, int endLine, Map<String, Object> globals, List<PyComment> comments,
        ModuleResolver resolver, String file) {
      this.definition = definition;
      this.endLine = endLine;
      this.globals = globals;
      this.comments = comments;
      this.resolver = resolver;
      this.file = file;
    }

    Translation translate(SchemaState before) {
      return Interpreter.translate(definition, endLine, globals, comments, resolver, before, file);
    }
  }
}
