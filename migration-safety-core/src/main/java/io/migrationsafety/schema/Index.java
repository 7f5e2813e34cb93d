package io.migrationsafety.schema;

import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name its schema-qualified name (an index lives in its table's schema)
 * @param table the indexed table
 * @param unique whether it enforces uniqueness
 * @param method the access method ({@code btree}, {@code gin} …)
 * @param elements its keys
 * @param include its {@code INCLUDE} columns
 * @param predicate the predicate of a partial index, or {@code null}
 * @param valid {@code false} for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind
 */
public record Index(
    QualifiedName name,
    QualifiedName table,
    boolean unique,
    String method,
    List<IndexElement> elements,
    List<String> include,
    SqlExpression predicate,
    boolean valid) {

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(method, "method");
    elements = List.copyOf(elements);
    include = List.copyOf(include);
  }

  /** This index under another name. */
  public Index withName(QualifiedName newName) {
    return new Index(newName, table, unique, method, elements, include, predicate, valid);
  }

  /** This index on another (renamed) table. */
  public Index onTable(QualifiedName newTable) {
    return new Index(name, newTable, unique, method, elements, include, predicate, valid);
  }
}
