package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AlterExtension;
import io.migrationsafety.operation.AlterSequence;
import io.migrationsafety.operation.AlterView;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RefreshMaterializedView;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.View;
import java.util.List;
import java.util.Locale;

/**
 * Sequences, views and materialized views, schemas and extensions; and the changes the model does
 * not hold (owner, tablespace), which only need their object to exist.
 */
final class ObjectReplay {

  private ObjectReplay() {}

  static ReplayStep createSequence(Replay replay, CreateSequence op) {
    QualifiedName name = replay.qualify(op.name());
    if (!replay.schemaExists(replay.before, name.schema())) {
      return replay.fail(Problems.schemaMissing(name.schema()));
    }
    if (PostgresNames.relationExists(replay.before, name.schema(), name.name()) || replay.before.types().containsKey(name)) {
      return op.ifNotExists() ? replay.unchanged() : replay.fail(Problems.relationExists(replay.before, name));
    }
    Owner owner = owner(replay, op.ownedBy());
    if (owner.problem != null) {
      return replay.fail(owner.problem);
    }
    return replay.ok(replay.before.withSequence(new Sequence(name, owner.ownedBy)));
  }

  static ReplayStep alterSequence(Replay replay, AlterSequence op) {
    QualifiedName name = replay.relation(op.name());
    Sequence sequence = replay.before.sequences().get(name);
    if (sequence == null) {
      return op.ifExists() ? replay.unchanged() : replay.fail(Problems.missing("sequence", name));
    }
    if (op.ownedBy() == null) {
      return replay.unchanged();
    }
    Owner owner = owner(replay, op.ownedBy());
    if (owner.problem != null) {
      return replay.fail(owner.problem);
    }
    return replay.ok(replay.before.withSequence(new Sequence(name, owner.ownedBy)));
  }

  /** The owner an {@code OWNED BY} clause names ({@code NONE}: none), or why it cannot own the sequence. */
  private record Owner(String ownedBy, String problem) {}

  private static Owner owner(Replay replay, String ownedBy) {
    if (ownedBy == null || ownedBy.strip().toLowerCase(Locale.ROOT).equals("none")) {
      return new Owner(null, null);
    }
    List<String> parts = SqlText.nameParts(ownedBy);
    if (parts.size() < 2 || parts.size() > 3) {
      return new Owner(null, "OWNED BY " + ownedBy + " does not name a table column");
    }
    QualifiedName table = parts.size() == 3 ? QualifiedName.of(parts.get(0), parts.get(1))
        : QualifiedName.of(parts.get(0));
    QualifiedName resolved = replay.relation(table);
    Table t = replay.before.tables().get(resolved);
    if (t == null) {
      return new Owner(null, Problems.tableMissing(resolved));
    }
    String column = parts.get(parts.size() - 1);
    if (t.column(column).isEmpty()) {
      return new Owner(null, Problems.columnMissing(column, resolved));
    }
    return new Owner(Tables.ownerOf(resolved, column), null);
  }

  static ReplayStep createView(Replay replay, CreateView op) {
    QualifiedName name = replay.qualify(op.name());
    if (!replay.schemaExists(replay.before, name.schema())) {
      return replay.fail(Problems.schemaMissing(name.schema()));
    }
    View existing = replay.before.views().get(name);
    View view = new View(name, op.materialized(), op.query());
    if (existing != null && op.orReplace() && !op.materialized() && !existing.materialized()) {
      return replay.ok(replay.before.withView(view));
    }
    if (PostgresNames.relationExists(replay.before, name.schema(), name.name()) || replay.before.types().containsKey(name)) {
      return op.ifNotExists() ? replay.unchanged() : replay.fail(Problems.relationExists(replay.before, name));
    }
    return replay.ok(replay.before.withView(view));
  }

  static ReplayStep alterView(Replay replay, AlterView op) {
    QualifiedName name = replay.relation(op.name());
    View view = replay.before.views().get(name);
    if (view == null || view.materialized() != op.materialized()) {
      return replay.fail(Problems.missing(op.materialized() ? "materialized view" : "view", name));
    }
    return replay.unchanged();
  }

  static ReplayStep refresh(Replay replay, RefreshMaterializedView op) {
    QualifiedName name = replay.relation(op.name());
    View view = replay.before.views().get(name);
    if (view == null || !view.materialized()) {
      return replay.fail(Problems.missing("materialized view", name));
    }
    return replay.unchanged();
  }

  static ReplayStep createSchema(Replay replay, CreateSchema op) {
    String name = op.name() != null ? op.name() : op.authorization();
    if (name == null) {
      return replay.unchanged();
    }
    if (replay.before.schemas().contains(name)) {
      return op.ifNotExists() ? replay.unchanged() : replay.fail("schema " + Problems.quoted(name) + " already exists");
    }
    return replay.ok(replay.before.withSchema(name, true));
  }

  static ReplayStep createExtension(Replay replay, CreateExtension op) {
    if (replay.before.extensions().contains(op.name())) {
      return op.ifNotExists() ? replay.unchanged()
          : replay.fail("extension " + Problems.quoted(op.name()) + " already exists");
    }
    if (op.schema() != null && !replay.schemaExists(replay.before, op.schema())) {
      return replay.fail(Problems.schemaMissing(op.schema()));
    }
    return replay.ok(replay.before.withExtension(op.name(), true));
  }

  static ReplayStep alterExtension(Replay replay, AlterExtension op) {
    return replay.before.extensions().contains(op.name()) ? replay.unchanged()
        : replay.fail("extension " + Problems.quoted(op.name()) + " does not exist");
  }

  static ReplayStep setTablespace(Replay replay, SetTablespace op) {
    String problem = missing(replay, op.objectType(), op.name());
    return problem == null ? replay.unchanged() : replay.fail(problem);
  }

  static ReplayStep changeOwner(Replay replay, ChangeOwner op) {
    String problem = missing(replay, op.objectType(), op.name());
    return problem == null ? replay.unchanged() : replay.fail(problem);
  }

  /**
   * Why an object of a kind the model holds is not there, or {@code null} when it is (or when the
   * model does not hold that kind of object: functions, roles …).
   */
  static String missing(Replay replay, ObjectType type, QualifiedName name) {
    Schema schema = replay.before;
    switch (type) {
      case TABLE: {
        QualifiedName n = replay.relation(name);
        return schema.tables().containsKey(n) ? null : Problems.tableMissing(n);
      }
      case INDEX: {
        QualifiedName n = replay.relation(name);
        return schema.indexes().containsKey(n) ? null : Problems.missing("index", n);
      }
      case SEQUENCE: {
        QualifiedName n = replay.relation(name);
        return schema.sequences().containsKey(n) ? null : Problems.missing("sequence", n);
      }
      case VIEW:
      case MATERIALIZED_VIEW: {
        QualifiedName n = replay.relation(name);
        View view = schema.views().get(n);
        boolean materialized = type == ObjectType.MATERIALIZED_VIEW;
        return view != null && view.materialized() == materialized ? null
            : Problems.missing(materialized ? "materialized view" : "view", n);
      }
      case TYPE:
      case DOMAIN: {
        QualifiedName n = replay.qualify(name);
        return schema.types().containsKey(n) || schema.tables().containsKey(n) ? null
            : Problems.missing(type == ObjectType.DOMAIN ? "domain" : "type", n);
      }
      case SCHEMA:
        return replay.schemaExists(schema, name.name()) ? null : Problems.schemaMissing(name.name());
      case EXTENSION:
        return schema.extensions().contains(name.name()) ? null
            : "extension " + Problems.quoted(name.name()) + " does not exist";
      default:
        return null;
    }
  }
}
