package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code VACUUM [FULL] [ANALYZE] …} and {@code ANALYZE …}.
 *
 * @param tables the tables (empty: every table of the database)
 * @param full {@code FULL}: rewrites the table under ACCESS EXCLUSIVE
 * @param analyze {@code ANALYZE}
 * @param analyzeOnly an {@code ANALYZE} statement, not {@code VACUUM}
 * @param options the options as written
 */
public record Vacuum(
    List<QualifiedName> tables,
    boolean full,
    boolean analyze,
    boolean analyzeOnly,
    String options) implements Operation {

  public Vacuum {
    Objects.requireNonNull(options, "options");
    tables = List.copyOf(tables);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.VACUUM;
  }
}
