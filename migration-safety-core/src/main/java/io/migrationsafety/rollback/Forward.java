package io.migrationsafety.rollback;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.Optional;

/**
 * One forward operation in its context: the schema before and after it (from replay, which
 * knows PostgreSQL's generated names), and the statement it came from.
 */
record Forward(Operation op, Schema before, Schema after, String defaultSchema, ParsedStatement statement,
    String source) {

  int line() {
    return statement.statement().line();
  }

  QualifiedName qualify(QualifiedName name) {
    return name.withDefaultSchema(defaultSchema);
  }

  Optional<Table> tableBefore(QualifiedName name) {
    return before.table(qualify(name));
  }

  Optional<Column> columnBefore(QualifiedName table, String column) {
    return tableBefore(table).flatMap(t -> t.column(column));
  }

  /** Whether replay saw no change: an IF [NOT] EXISTS that skipped, or a failing statement. */
  boolean unchanged() {
    return before.equals(after);
  }
}
