package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;

/**
 * {@code ALTER … RENAME TO} of tables, indexes, sequences, views, types and schemas, and
 * {@code ALTER … SET SCHEMA}. A renamed table keeps its indexes, constraints, row estimate and
 * size; what referred to the old name follows the new one. {@code ALTER TABLE … RENAME} also
 * renames a view, sequence or index, as PostgreSQL allows. Renames of objects the model does not
 * hold (functions, triggers …) change nothing.
 */
final class RenameReplay {

  private RenameReplay() {}

  static ReplayStep rename(Replay replay, Rename op) {
    Schema before = replay.before;
    switch (op.objectType()) {
      case TABLE:
      case FOREIGN_TABLE:
      case INDEX:
      case SEQUENCE:
      case VIEW:
      case MATERIALIZED_VIEW:
        return relation(replay, op);
      case TYPE:
      case DOMAIN: {
        QualifiedName name = replay.qualify(op.name());
        UserType type = before.types().get(name);
        if (type == null) {
          return op.ifExists() ? replay.unchanged()
              : replay.fail(Problems.missing(op.objectType() == ObjectType.DOMAIN ? "domain" : "type", name));
        }
        QualifiedName target = QualifiedName.of(name.schema(), op.newName());
        if (before.types().containsKey(target) || before.tables().containsKey(target)) {
          return replay.fail(Problems.exists("type", target));
        }
        return replay.ok(Moves.type(before, type, target, replay.defaultSchema));
      }
      case SCHEMA: {
        String name = op.name().name();
        if (!before.schemas().contains(name)) {
          return op.ifExists() ? replay.unchanged() : replay.fail(Problems.schemaMissing(name));
        }
        if (before.schemas().contains(op.newName())) {
          return replay.fail("schema " + Problems.quoted(op.newName()) + " already exists");
        }
        return replay.ok(Moves.schema(before, name, op.newName(), replay.defaultSchema));
      }
      default:
        return replay.unchanged();
    }
  }

  /** A relation rename; ALTER TABLE, ALTER INDEX, ALTER VIEW and ALTER SEQUENCE may each rename any relation. */
  private static ReplayStep relation(Replay replay, Rename op) {
    Schema before = replay.before;
    QualifiedName name = replay.relation(op.name());
    if (!before.hasRelation(name)) {
      if (op.ifExists()) {
        return replay.unchanged();
      }
      String kind = switch (op.objectType()) {
        case INDEX -> "index";
        case SEQUENCE -> "sequence";
        case VIEW -> "view";
        case MATERIALIZED_VIEW -> "materialized view";
        default -> "table";
      };
      return replay.fail(Problems.missing(kind, name));
    }
    QualifiedName target = QualifiedName.of(name.schema(), op.newName());
    if (PostgresNames.relationExists(before, target.schema(), target.name()) || before.types().containsKey(target)) {
      return replay.fail(Problems.relationExists(before, target));
    }
    Table table = before.tables().get(name);
    if (table != null) {
      return replay.ok(Moves.table(before, table, target));
    }
    Index index = before.indexes().get(name);
    if (index != null) {
      return replay.ok(Moves.index(before, index, target));
    }
    Sequence sequence = before.sequences().get(name);
    if (sequence != null) {
      return replay.ok(Moves.sequence(before, sequence, target, replay.defaultSchema));
    }
    View view = before.views().get(name);
    return replay.ok(view(before, view, target));
  }

  private static Schema view(Schema schema, View view, QualifiedName target) {
    Schema result = schema.withoutView(view.name()).withView(new View(target, view.materialized(), view.query()));
    for (Index index : schema.indexesOn(view.name())) {
      QualifiedName indexName = QualifiedName.of(target.schema(), index.name().name());
      result = result.withoutIndex(index.name()).withIndex(index.withName(indexName).onTable(target));
    }
    return result;
  }

  static ReplayStep setSchema(Replay replay, SetSchema op) {
    Schema before = replay.before;
    ObjectType type = op.objectType();
    if (type == ObjectType.INDEX) {
      return replay.fail("index " + replay.relation(op.name()).sql()
          + " cannot change schema on its own: an index moves with its table (ALTER TABLE … SET SCHEMA)");
    }
    String missing = ObjectReplay.missing(replay, type, op.name());
    if (missing != null) {
      return replay.fail(missing);
    }
    boolean relation = type == ObjectType.TABLE || type == ObjectType.FOREIGN_TABLE || type == ObjectType.SEQUENCE
        || type == ObjectType.VIEW || type == ObjectType.MATERIALIZED_VIEW;
    boolean typeLike = type == ObjectType.TYPE || type == ObjectType.DOMAIN;
    if (!relation && !typeLike) {
      return replay.unchanged();
    }
    if (!replay.schemaExists(before, op.newSchema())) {
      return replay.fail(Problems.schemaMissing(op.newSchema()));
    }
    QualifiedName name = relation ? replay.relation(op.name()) : replay.qualify(op.name());
    QualifiedName target = QualifiedName.of(op.newSchema(), name.name());
    if (target.equals(name)) {
      return replay.unchanged();
    }
    if (typeLike) {
      if (before.types().containsKey(target) || before.tables().containsKey(target)) {
        return replay.fail(Problems.exists("type", target));
      }
      UserType userType = before.types().get(name);
      return userType == null ? replay.unchanged() : replay.ok(Moves.type(before, userType, target, replay.defaultSchema));
    }
    if (PostgresNames.relationExists(before, target.schema(), target.name())) {
      return replay.fail(Problems.relationExists(before, target));
    }
    Table table = before.tables().get(name);
    if (table != null) {
      for (Index index : before.indexesOn(name)) {
        QualifiedName moved = QualifiedName.of(target.schema(), index.name().name());
        if (before.hasRelation(moved)) {
          return replay.fail(Problems.relationExists(before, moved));
        }
      }
      return replay.ok(Moves.table(before, table, target));
    }
    Sequence sequence = before.sequences().get(name);
    if (sequence != null) {
      return replay.ok(Moves.sequence(before, sequence, target, replay.defaultSchema));
    }
    return replay.ok(view(before, before.views().get(name), target));
  }
}
