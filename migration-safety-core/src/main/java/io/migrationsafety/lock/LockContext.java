package io.migrationsafety.lock;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.Optional;

/**
 * What the facts depend on besides the operation: the schema before it, names, the server version,
 * and whether that schema is the whole database ({@code complete}) or a stand-in that may lack
 * objects the database has.
 */
record LockContext(Schema before, String defaultSchema, int version, boolean complete) {

  LockContext {
    before = before == null ? Schema.empty() : before;
    defaultSchema = defaultSchema == null ? "public" : defaultSchema;
  }

  /**
   * Whether a statement written {@code IF EXISTS} finds nothing and so locks nothing: only a
   * complete schema can say a relation is missing; a stand-in's gap may be filled in the database.
   */
  boolean knownMissing(QualifiedName resolved) {
    return complete && !before.hasRelation(resolved);
  }

  /** A table, view or sequence name with the default schema filled in. */
  QualifiedName resolve(QualifiedName name) {
    return name.withDefaultSchema(defaultSchema);
  }

  /**
   * An index name: an unqualified one lives in its table's schema, which is the first schema that
   * has an index by that name (the schema model keys indexes by their qualified name).
   */
  QualifiedName resolveIndex(QualifiedName name) {
    if (name.isQualified()) {
      return name;
    }
    QualifiedName inDefault = name.withDefaultSchema(defaultSchema);
    if (before.index(inDefault).isPresent()) {
      return inDefault;
    }
    return before.indexes().keySet().stream()
        .filter(n -> n.name().equals(name.name()))
        .findFirst()
        .orElse(inDefault);
  }

  Optional<Table> table(QualifiedName resolved) {
    return before.table(resolved);
  }

  Optional<Index> index(QualifiedName resolved) {
    return before.index(resolved);
  }

  boolean atLeast(int major) {
    return version >= major;
  }
}
