package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterConstraint;
import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.AttachPartition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameConstraint;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.operation.TableSetting;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.HashSet;
import java.util.Locale;

/**
 * The {@code ALTER TABLE} subcommands on constraints and on the table as a whole: add, drop,
 * validate, rename and alter a constraint; attach and detach a partition; {@code SET LOGGED} /
 * {@code UNLOGGED}; and the settings the model does not hold, which only need the table to exist.
 */
final class TableActionReplay {

  private TableActionReplay() {}

  static ReplayStep addConstraint(Replay replay, AddConstraint op) {
    return AlterTables.onTable(replay, op.table(),
        table -> ConstraintReplay.add(replay.before, table.name(), op.constraint(), replay, false));
  }

  static ReplayStep dropConstraint(Replay replay, DropConstraint op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      Constraint c = table.constraint(op.name()).orElse(null);
      if (c == null) {
        return op.ifExists() ? Change.ok(replay.before) : Change.fail(Problems.constraintMissing(op.name(), table.name()));
      }
      Schema schema = replay.before;
      if (c.index() != null) {
        var columns = new HashSet<>(c.columns());
        Change dependents = Dependents.foreignKeysOn(schema, table.name(),
            fk -> columns.equals(new HashSet<>(fk.referencedColumns())), op.cascade(),
            "constraint " + Problems.quoted(c.name()) + " of table " + table.name().sql());
        if (dependents.failed()) {
          return dependents;
        }
        schema = dependents.schema();
      }
      schema = dropFrom(schema, schema.tables().get(table.name()), c);
      for (QualifiedName child : Partitions.descendants(schema, table.name())) {
        Table t = schema.tables().get(child);
        Constraint inherited = c.index() == null ? t.constraint(c.name()).orElse(null)
            : t.constraints().stream().filter(x -> x.kind() == c.kind() && x.columns().equals(c.columns()))
                .findFirst().orElse(null);
        if (inherited != null) {
          schema = dropFrom(schema, t, inherited);
        }
      }
      return Change.ok(schema);
    });
  }

  private static Schema dropFrom(Schema schema, Table table, Constraint c) {
    Schema result = schema.withTable(Tables.withoutConstraint(table, c.name()));
    return c.index() == null ? result : result.withoutIndex(Tables.indexName(table.name(), c.index()));
  }

  static ReplayStep validateConstraint(Replay replay, ValidateConstraint op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      Constraint c = table.constraint(op.name()).orElse(null);
      if (c == null) {
        return Change.fail(Problems.constraintMissing(op.name(), table.name()));
      }
      if (c.kind() != ConstraintKind.CHECK && c.kind() != ConstraintKind.FOREIGN_KEY) {
        return Change.fail("constraint " + Problems.quoted(c.name()) + " of table " + table.name().sql()
            + " is not a foreign key or check constraint");
      }
      Schema schema = replay.before.withTable(Tables.withConstraint(table, c.validated()));
      for (QualifiedName child : Partitions.descendants(schema, table.name())) {
        Table t = schema.tables().get(child);
        Constraint inherited = t.constraint(c.name()).orElse(null);
        if (inherited != null) {
          schema = schema.withTable(Tables.withConstraint(t, inherited.validated()));
        }
      }
      return Change.ok(schema);
    });
  }

  static ReplayStep renameConstraint(Replay replay, RenameConstraint op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      Constraint c = table.constraint(op.name()).orElse(null);
      if (c == null) {
        return Change.fail(Problems.constraintMissing(op.name(), table.name()));
      }
      if (table.constraint(op.newName()).isPresent()) {
        return Change.fail(Problems.constraintExists(op.newName(), table.name()));
      }
      Schema schema = replay.before;
      Constraint renamed = c.withName(op.newName());
      if (c.index() != null) {
        // The index behind the constraint takes the new name too.
        QualifiedName newIndex = Tables.indexName(table.name(), op.newName());
        if (PostgresNames.relationExists(schema, newIndex.schema(), newIndex.name())) {
          return Change.fail(Problems.relationExists(schema, newIndex));
        }
        Index index = schema.indexes().get(Tables.indexName(table.name(), c.index()));
        if (index != null) {
          schema = schema.withoutIndex(index.name()).withIndex(index.withName(newIndex));
        }
        renamed = withIndex(renamed, op.newName());
      }
      schema = schema.withTable(replaceConstraint(table, c.name(), renamed));
      if (c.kind() == ConstraintKind.CHECK) {
        for (QualifiedName child : Partitions.descendants(schema, table.name())) {
          Table t = schema.tables().get(child);
          if (t.constraint(c.name()).isPresent() && t.constraint(op.newName()).isEmpty()) {
            schema = schema.withTable(replaceConstraint(t, c.name(), t.constraint(c.name()).get().withName(op.newName())));
          }
        }
      }
      return Change.ok(schema);
    });
  }

  /** {@code table} with constraint {@code name} replaced in place, keeping the order of constraints. */
  static Table replaceConstraint(Table table, String name, Constraint replacement) {
    var constraints = new java.util.ArrayList<>(table.constraints());
    constraints.replaceAll(c -> c.name().equals(name) ? replacement : c);
    return table.withConstraints(constraints);
  }

  static Constraint withIndex(Constraint c, String index) {
    return new Constraint(c.name(), c.kind(), c.columns(), c.expression(), c.referencedTable(), c.referencedColumns(),
        c.onDelete(), c.onUpdate(), c.valid(), c.deferrable(), c.initiallyDeferred(), index);
  }

  static ReplayStep alterConstraint(Replay replay, AlterConstraint op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      Constraint c = table.constraint(op.name()).orElse(null);
      if (c == null) {
        return Change.fail(Problems.constraintMissing(op.name(), table.name()));
      }
      if (c.kind() != ConstraintKind.FOREIGN_KEY) {
        return Change.fail("constraint " + Problems.quoted(c.name()) + " of table " + table.name().sql()
            + " is not a foreign key constraint");
      }
      String change = " " + op.change().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
      boolean deferrable = c.deferrable();
      boolean deferred = c.initiallyDeferred();
      if (change.contains(" not deferrable ")) {
        deferrable = false;
        deferred = false;
      } else if (change.contains(" deferrable ")) {
        deferrable = true;
      }
      if (change.contains(" initially deferred ")) {
        deferred = true;
        deferrable = true;
      } else if (change.contains(" initially immediate ")) {
        deferred = false;
      }
      Constraint altered = new Constraint(c.name(), c.kind(), c.columns(), c.expression(), c.referencedTable(),
          c.referencedColumns(), c.onDelete(), c.onUpdate(), c.valid(), deferrable, deferred, c.index());
      return Change.ok(replay.before.withTable(replaceConstraint(table, c.name(), altered)));
    });
  }

  static ReplayStep attachPartition(Replay replay, AttachPartition op) {
    return AlterTables.onTable(replay, op.table(), parent -> {
      if (parent.partitionBy() == null) {
        return Change.fail("table " + parent.name().sql() + " is not partitioned");
      }
      QualifiedName childName = replay.relation(op.partition());
      Table child = replay.before.tables().get(childName);
      if (child == null) {
        return Change.fail(Problems.tableMissing(childName));
      }
      if (child.partitionOf() != null) {
        return Change.fail("table " + childName.sql() + " is already a partition of " + child.partitionOf().sql());
      }
      String problem = Partitions.attachProblem(parent, child);
      if (problem != null) {
        return Change.fail(problem);
      }
      Schema schema = replay.before.withTable(Tables.withPartitionOf(child, parent.name()));
      return Change.ok(Partitions.inherit(schema, parent.name(), childName));
    });
  }

  static ReplayStep detachPartition(Replay replay, DetachPartition op) {
    return AlterTables.onTable(replay, op.table(), parent -> {
      QualifiedName childName = replay.relation(op.partition());
      Table child = replay.before.tables().get(childName);
      if (child == null) {
        return Change.fail(Problems.tableMissing(childName));
      }
      if (!parent.name().equals(child.partitionOf())) {
        // FINALIZE completes a concurrent detach that may already show as done.
        return op.finalizing() && child.partitionOf() == null ? Change.ok(replay.before)
            : Change.fail("table " + childName.sql() + " is not a partition of table " + parent.name().sql());
      }
      return Change.ok(replay.before.withTable(Tables.withPartitionOf(child, null)));
    });
  }

  static ReplayStep setLogged(Replay replay, SetLogged op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      if (table.persistence() == Persistence.TEMPORARY) {
        return Change.fail("table " + table.name().sql() + " is temporary and cannot be made "
            + (op.logged() ? "logged" : "unlogged"));
      }
      return Change.ok(replay.before.withTable(
          table.withPersistence(op.logged() ? Persistence.PERMANENT : Persistence.UNLOGGED)));
    });
  }

  static ReplayStep setting(Replay replay, AlterTableSetting op) {
    return AlterTables.onTable(replay, op.table(), table -> {
      if (op.setting() == TableSetting.CLUSTER_ON) {
        QualifiedName index = Tables.indexName(table.name(), op.detail());
        Index found = replay.before.indexes().get(index);
        if (found == null || !found.table().equals(table.name())) {
          return Change.fail("index " + index.sql() + " of table " + table.name().sql() + " does not exist");
        }
      }
      return Change.ok(replay.before);
    });
  }

  /** Subcommands that change nothing the model holds (triggers, row-level security): the table must exist. */
  static ReplayStep tableMustExist(Replay replay, TableAction op) {
    return AlterTables.onTable(replay, op.table(), table -> Change.ok(replay.before));
  }
}
