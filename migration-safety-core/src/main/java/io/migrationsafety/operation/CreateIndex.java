package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …}.
 *
 * @param name the index name, or {@code null} when PostgreSQL generates it
 * @param table the indexed table
 * @param unique {@code UNIQUE}
 * @param concurrently {@code CONCURRENTLY}: builds without blocking writes, cannot run in a transaction
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param method the access method ({@code btree} when not written)
 * @param elements the keys
 * @param include {@code INCLUDE} columns
 * @param predicate the {@code WHERE} of a partial index, or {@code null}
 * @param storageParameters the {@code WITH (…)} parameters as written, empty when none
 * @param tablespace the tablespace, or {@code null}
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} (PostgreSQL 15+)
 */
public record CreateIndex(
    String name,
    TableRef table,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    String method,
    List<IndexElement> elements,
    List<String> include,
    SqlExpression predicate,
    String storageParameters,
    String tablespace,
    boolean nullsNotDistinct) implements Operation {

  public CreateIndex {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(storageParameters, "storageParameters");
    elements = List.copyOf(elements);
    include = List.copyOf(include);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CREATE_INDEX;
  }
}
