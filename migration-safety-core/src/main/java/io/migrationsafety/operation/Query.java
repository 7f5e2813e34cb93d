package io.migrationsafety.operation;

import java.util.List;

/**
 * A {@code SELECT} (or {@code VALUES}, {@code TABLE}, {@code EXPLAIN}, {@code SHOW}) in a migration: it changes nothing unless a function it calls does ({@code set_config}, {@code pg_advisory_lock}, {@code setval}, a user function).
 *
 * @param tables the tables it reads
 * @param functions the functions it calls, lower-cased
 * @param locking {@code FOR UPDATE|SHARE …}: it locks rows
 */
public record Query(
    List<QualifiedName> tables,
    List<String> functions,
    boolean locking) implements Operation {

  public Query {
    tables = List.copyOf(tables);
    functions = List.copyOf(functions);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.QUERY;
  }
}
