package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.AlterCompositeType;
import io.migrationsafety.operation.AlterDomain;
import io.migrationsafety.operation.CreateDomain;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.schema.UserType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code CREATE TYPE} (enum, composite, range, base, shell), {@code CREATE DOMAIN},
 * {@code ALTER DOMAIN}, and the enum and composite changes of {@code ALTER TYPE}. Types share their
 * names with tables (every table has a row type of its name), so either blocks the other.
 */
final class TypeReplay {

  private TypeReplay() {}

  static ReplayStep create(Replay replay, CreateType op) {
    QualifiedName name = replay.qualify(op.name());
    UserType.Kind kind = switch (op.typeKind()) {
      case ENUM -> UserType.Kind.ENUM;
      case COMPOSITE -> UserType.Kind.COMPOSITE;
      case RANGE -> UserType.Kind.RANGE;
      case BASE -> UserType.Kind.BASE;
      case SHELL -> UserType.Kind.SHELL;
    };
    UserType existing = replay.before.types().get(name);
    // A shell type is the placeholder a base type's functions need; CREATE TYPE … (…) completes it.
    boolean completesShell = existing != null && existing.kind() == UserType.Kind.SHELL && kind == UserType.Kind.BASE;
    String problem = newTypeProblem(replay, name);
    if (problem != null && !completesShell) {
      return replay.fail(problem);
    }
    if (new HashSet<>(op.enumValues()).size() != op.enumValues().size()) {
      return replay.fail("enum type " + name.sql() + " lists a label twice");
    }
    return replay.ok(replay.before.withType(new UserType(name, kind, op.enumValues())));
  }

  private static String newTypeProblem(Replay replay, QualifiedName name) {
    if (!replay.schemaExists(replay.before, name.schema())) {
      return Problems.schemaMissing(name.schema());
    }
    if (replay.before.types().containsKey(name) || replay.before.tables().containsKey(name)
        || replay.before.views().containsKey(name) || replay.before.sequences().containsKey(name)) {
      return Problems.exists("type", name);
    }
    return null;
  }

  static ReplayStep createDomain(Replay replay, CreateDomain op) {
    QualifiedName name = replay.qualify(op.name());
    String problem = newTypeProblem(replay, name);
    if (problem != null) {
      return replay.fail(problem);
    }
    return replay.ok(replay.before.withType(new UserType(name, UserType.Kind.DOMAIN, List.of())));
  }

  static ReplayStep alterDomain(Replay replay, AlterDomain op) {
    QualifiedName name = replay.qualify(op.name());
    UserType type = replay.before.types().get(name);
    if (type == null || type.kind() != UserType.Kind.DOMAIN) {
      return replay.fail(Problems.missing("domain", name));
    }
    return replay.unchanged();
  }

  static ReplayStep addEnumValue(Replay replay, AddEnumValue op) {
    QualifiedName name = replay.qualify(op.type());
    UserType type = replay.before.types().get(name);
    if (type == null) {
      return replay.fail(Problems.missing("type", name));
    }
    if (type.kind() != UserType.Kind.ENUM) {
      return replay.fail("type " + name.sql() + " is not an enum");
    }
    List<String> labels = new ArrayList<>(type.labels());
    if (labels.contains(op.value())) {
      return op.ifNotExists() ? replay.unchanged()
          : replay.fail("enum label " + Problems.quoted(op.value()) + " of type " + name.sql() + " already exists");
    }
    String neighbour = op.before() != null ? op.before() : op.after();
    int position = labels.size();
    if (neighbour != null) {
      int at = labels.indexOf(neighbour);
      if (at < 0) {
        return replay.fail(Problems.quoted(neighbour) + " is not a label of enum type " + name.sql());
      }
      position = op.before() != null ? at : at + 1;
    }
    labels.add(position, op.value());
    return replay.ok(replay.before.withType(type.withLabels(labels)));
  }

  static ReplayStep renameEnumValue(Replay replay, RenameEnumValue op) {
    QualifiedName name = replay.qualify(op.type());
    UserType type = replay.before.types().get(name);
    if (type == null) {
      return replay.fail(Problems.missing("type", name));
    }
    if (type.kind() != UserType.Kind.ENUM) {
      return replay.fail("type " + name.sql() + " is not an enum");
    }
    List<String> labels = new ArrayList<>(type.labels());
    int at = labels.indexOf(op.value());
    if (at < 0) {
      return replay.fail(Problems.quoted(op.value()) + " is not a label of enum type " + name.sql());
    }
    if (labels.contains(op.newValue())) {
      return replay.fail("enum label " + Problems.quoted(op.newValue()) + " of type " + name.sql() + " already exists");
    }
    labels.set(at, op.newValue());
    return replay.ok(replay.before.withType(type.withLabels(labels)));
  }

  static ReplayStep alterComposite(Replay replay, AlterCompositeType op) {
    QualifiedName name = replay.qualify(op.type());
    UserType type = replay.before.types().get(name);
    if (type == null) {
      return replay.fail(Problems.missing("type", name));
    }
    if (type.kind() != UserType.Kind.COMPOSITE) {
      return replay.fail("type " + name.sql() + " is not a composite type");
    }
    return replay.unchanged();
  }
}
