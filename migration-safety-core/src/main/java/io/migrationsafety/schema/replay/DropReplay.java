package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DROP} of every kind of object the model holds. PostgreSQL drops all the named objects or
 * none: a missing one is an error unless {@code IF EXISTS} (then a notice, and the others still
 * go). What depends on a dropped object from elsewhere (another table's foreign key, a column of
 * a dropped type, a default using a dropped sequence) blocks the drop unless {@code CASCADE},
 * which drops it too. What belongs to the object goes with it: a table's indexes, partitions and
 * owned sequences, a schema's contents.
 */
final class DropReplay {

  private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')*)'");

  private DropReplay() {}

  static ReplayStep drop(Replay replay, Drop op) {
    Schema schema = replay.before;
    for (QualifiedName name : op.names()) {
      Change change = one(replay, schema, op, name);
      if (change.failed()) {
        return replay.fail(change.problem());
      }
      schema = change.schema();
    }
    return replay.ok(schema);
  }

  private static Change one(Replay replay, Schema schema, Drop op, QualifiedName name) {
    String missing = ObjectReplay.missing(new Replay(schema, replay.defaultSchema), op.objectType(), name);
    if (missing != null) {
      return op.ifExists() ? Change.ok(schema) : Change.fail(wrongKind(replay, schema, op.objectType(), name, missing));
    }
    switch (op.objectType()) {
      case TABLE:
      case FOREIGN_TABLE:
        return table(schema, replay.relation(schema, name), op.cascade());
      case INDEX:
        return index(schema, replay.relation(schema, name));
      case VIEW:
      case MATERIALIZED_VIEW:
        return Change.ok(view(schema, replay.relation(schema, name)));
      case SEQUENCE:
        return sequence(schema, replay.relation(schema, name), op.cascade(), replay.defaultSchema);
      case TYPE:
      case DOMAIN:
        return type(schema, replay.qualify(name), op.cascade(), replay.defaultSchema);
      case SCHEMA:
        return schemaDrop(schema, name.name(), op.cascade(), replay.defaultSchema);
      case EXTENSION:
        return Change.ok(schema.withExtension(name.name(), false));
      default:
        return Change.ok(schema);
    }
  }

  /** "public.v is a view, not a table" when the name is taken by another kind of relation. */
  private static String wrongKind(Replay replay, Schema schema, ObjectType type, QualifiedName name, String missing) {
    QualifiedName resolved = replay.relation(schema, name);
    if (type != ObjectType.SCHEMA && type != ObjectType.EXTENSION && schema.hasRelation(resolved)) {
      String wanted = type.sql().toLowerCase(java.util.Locale.ROOT);
      return resolved.sql() + " is a " + Problems.relationKind(schema, resolved) + ", not a " + wanted;
    }
    return missing;
  }

  static Change table(Schema schema, QualifiedName name, boolean cascade) {
    List<QualifiedName> dropped = new ArrayList<>();
    dropped.add(name);
    dropped.addAll(Partitions.descendants(schema, name));
    Set<QualifiedName> going = new HashSet<>(dropped);
    Schema result = schema;
    for (Table t : schema.tables().values()) {
      if (going.contains(t.name())) {
        continue;
      }
      List<Constraint> kept = new ArrayList<>();
      for (Constraint c : t.constraints()) {
        if (c.referencedTable() != null && going.contains(c.referencedTable())) {
          if (!cascade) {
            return Change.fail("cannot drop table " + name.sql() + " because constraint " + Problems.quoted(c.name())
                + " on table " + t.name().sql() + " depends on it (use CASCADE to drop it too)");
          }
        } else {
          kept.add(c);
        }
      }
      if (kept.size() != t.constraints().size()) {
        result = result.withTable(t.withConstraints(kept));
      }
    }
    for (QualifiedName table : dropped) {
      for (Index index : schema.indexesOn(table)) {
        result = result.withoutIndex(index.name());
      }
      for (Sequence sequence : Tables.ownedSequences(schema, table, null)) {
        result = result.withoutSequence(sequence.name());
      }
      result = result.withoutTable(table);
    }
    return Change.ok(result);
  }

  private static Change index(Schema schema, QualifiedName name) {
    Index index = schema.indexes().get(name);
    Table table = schema.tables().get(index.table());
    if (table != null) {
      for (Constraint c : table.constraints()) {
        if (name.name().equals(c.index())) {
          return Change.fail("cannot drop index " + name.sql() + " because constraint " + Problems.quoted(c.name())
              + " on table " + table.name().sql() + " requires it (drop the constraint instead)");
        }
      }
    }
    Schema result = schema.withoutIndex(name);
    // The partitions' indexes of a partitioned index go with it.
    for (QualifiedName child : Partitions.descendants(schema, index.table())) {
      for (Index own : schema.indexesOn(child)) {
        if (own.elements().equals(index.elements()) && own.unique() == index.unique()
            && own.method().equals(index.method()) && java.util.Objects.equals(own.predicate(), index.predicate())
            && !backsConstraint(schema.tables().get(child), own)) {
          result = result.withoutIndex(own.name());
        }
      }
    }
    return Change.ok(result);
  }

  private static boolean backsConstraint(Table table, Index index) {
    return table.constraints().stream().anyMatch(c -> index.name().name().equals(c.index()));
  }

  private static Schema view(Schema schema, QualifiedName name) {
    Schema result = schema.withoutView(name);
    for (Index index : schema.indexesOn(name)) {
      result = result.withoutIndex(index.name());
    }
    return result;
  }

  private static Change sequence(Schema schema, QualifiedName name, boolean cascade, String defaultSchema) {
    Sequence sequence = schema.sequences().get(name);
    Tables.OwnerRef owner = sequence.ownedBy() == null ? null : Tables.OwnerRef.parse(sequence.ownedBy());
    if (owner != null) {
      Column column = schema.table(owner.table()).flatMap(t -> t.column(owner.column())).orElse(null);
      if (column != null && column.identity() != null) {
        return Change.fail("cannot drop sequence " + name.sql() + " because the identity column "
            + Problems.quoted(column.name()) + " of table " + owner.table().sql() + " requires it");
      }
    }
    Schema result = schema;
    for (Table table : schema.tables().values()) {
      for (Column column : table.columns()) {
        if (column.defaultValue() != null && usesSequence(column.defaultValue().sql(), name, defaultSchema)) {
          if (!cascade) {
            return Change.fail("cannot drop sequence " + name.sql() + " because the default of column "
                + Problems.quoted(column.name()) + " of table " + table.name().sql() + " uses it (use CASCADE)");
          }
          result = result.withTable(Tables.withColumn(result.tables().get(table.name()), column.name(),
              c -> c.withDefault(null)));
        }
      }
    }
    return Change.ok(result.withoutSequence(name));
  }

  private static boolean usesSequence(String sql, QualifiedName sequence, String defaultSchema) {
    Matcher m = NEXTVAL.matcher(sql);
    while (m.find()) {
      List<String> parts = SqlText.nameParts(m.group(1).replace("''", "'"));
      QualifiedName used = parts.size() == 1 ? QualifiedName.of(defaultSchema, parts.get(0))
          : parts.size() == 2 ? QualifiedName.of(parts.get(0), parts.get(1)) : null;
      if (sequence.equals(used)) {
        return true;
      }
    }
    return false;
  }

  private static Change type(Schema schema, QualifiedName name, boolean cascade, String defaultSchema) {
    UserType type = schema.types().get(name);
    if (type == null) {
      return Change.fail(Problems.missing("type", name) + " (it is the row type of table " + name.sql() + ")");
    }
    Schema result = schema;
    for (Table table : schema.tables().values()) {
      for (Column column : table.columns()) {
        if (Moves.isOfType(column.type(), name, defaultSchema)) {
          if (!cascade) {
            return Change.fail("cannot drop type " + name.sql() + " because column " + Problems.quoted(column.name())
                + " of table " + table.name().sql() + " uses it (use CASCADE to drop the column too)");
          }
          result = ColumnReplay.dropFrom(result, result.tables().get(table.name()), column.name());
        }
      }
    }
    return Change.ok(result.withoutType(name));
  }

  private static Change schemaDrop(Schema schema, String name, boolean cascade, String defaultSchema) {
    boolean empty = schema.tables().keySet().stream().noneMatch(n -> name.equals(n.schema()))
        && schema.views().keySet().stream().noneMatch(n -> name.equals(n.schema()))
        && schema.sequences().keySet().stream().noneMatch(n -> name.equals(n.schema()))
        && schema.types().keySet().stream().noneMatch(n -> name.equals(n.schema()));
    if (!empty && !cascade) {
      return Change.fail("cannot drop schema " + Problems.quoted(name) + " because it is not empty (use CASCADE)");
    }
    Schema result = schema;
    for (Table table : schema.tables().values()) {
      if (name.equals(table.name().schema()) && result.tables().containsKey(table.name())) {
        result = table(result, table.name(), true).schema();
      }
    }
    for (View view : schema.views().values()) {
      if (name.equals(view.name().schema())) {
        result = view(result, view.name());
      }
    }
    for (Sequence sequence : schema.sequences().values()) {
      if (name.equals(sequence.name().schema()) && result.sequences().containsKey(sequence.name())) {
        Change change = sequence(result, sequence.name(), true, defaultSchema);
        if (change.failed()) {
          return change;
        }
        result = change.schema();
      }
    }
    for (UserType type : schema.types().values()) {
      if (name.equals(type.name().schema())) {
        result = type(result, type.name(), true, defaultSchema).schema();
      }
    }
    return Change.ok(result.withSchema(name, false));
  }
}
