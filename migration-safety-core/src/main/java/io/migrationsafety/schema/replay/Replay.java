package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import java.util.Optional;

/**
 * What every replay step needs: the schema before the operation, how unqualified names resolve,
 * and the two ways a step ends.
 *
 * <p>Unqualified relation names resolve as PostgreSQL's {@code search_path} does for the review:
 * the session's temporary schema first ({@code pg_temp}, where {@code CREATE TEMP TABLE} puts
 * its tables), then the default schema. Temporary objects are kept under the schema name
 * {@code pg_temp}.
 */
final class Replay {

  /** The schema name temporary tables are kept under. */
  static final String TEMP_SCHEMA = "pg_temp";

  final Schema before;
  final String defaultSchema;

  Replay(Schema before, String defaultSchema) {
    this.before = before;
    this.defaultSchema = defaultSchema;
  }

  /** {@code name} with the default schema filled in: where an unqualified new object goes. */
  QualifiedName qualify(QualifiedName name) {
    return name.withDefaultSchema(defaultSchema);
  }

  /** The relation {@code name} refers to: a temporary relation of that name first, if any. */
  QualifiedName relation(QualifiedName name) {
    return relation(before, name);
  }

  /** The relation {@code name} refers to in {@code schema}: a temporary relation first, if any. */
  QualifiedName relation(Schema schema, QualifiedName name) {
    if (!name.isQualified()) {
      QualifiedName temp = QualifiedName.of(TEMP_SCHEMA, name.name());
      if (schema.hasRelation(temp)) {
        return temp;
      }
    }
    return qualify(name);
  }

  /** The table {@code name} refers to. */
  Optional<Table> table(QualifiedName name) {
    return before.table(relation(name));
  }

  /** The user type {@code name} refers to. */
  Optional<UserType> type(QualifiedName name) {
    return Optional.ofNullable(before.types().get(qualify(name)));
  }

  /** The schema unchanged, no problem: nothing to model, or a notice. */
  ReplayStep unchanged() {
    return ReplayStep.ok(before);
  }

  /** The schema unchanged, with what PostgreSQL would have refused. */
  ReplayStep fail(String problem) {
    return ReplayStep.failed(before, problem);
  }

  ReplayStep ok(Schema after) {
    return ReplayStep.ok(after);
  }

  /** Whether a schema of that name exists (the temporary schema always does). */
  boolean schemaExists(Schema schema, String name) {
    return TEMP_SCHEMA.equals(name) || schema.schemas().contains(name);
  }
}
