package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AddIdentity;
import io.migrationsafety.operation.AlterColumnAttribute;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.AlterIdentity;
import io.migrationsafety.operation.DropColumnDefault;
import io.migrationsafety.operation.DropIdentity;
import io.migrationsafety.operation.DropNotNull;
import io.migrationsafety.operation.GeneratedColumn;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetColumnDefault;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.parse.internal.ExpressionAnalyzer;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import java.util.Locale;

/**
 * {@code ALTER TABLE … ALTER COLUMN}: type, default, nullability, identity and generation
 * expression, with PostgreSQL's refusals (a default on an identity column, dropping NOT NULL of a
 * primary key column, adding identity to a nullable column …). Every change reaches the
 * partitions of a partitioned table too.
 */
final class ColumnAlterReplay {

  private ColumnAlterReplay() {}

  static ReplayStep type(Replay replay, AlterColumnType op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      Column changed = new Column(column.name(), NewColumns.visible(op.type(), replay.defaultSchema), column.notNull(), column.defaultValue(),
          column.identity(), column.generated(), op.collation() != null ? op.collation() : column.collation());
      return Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> changed)));
    });
  }

  static ReplayStep setDefault(Replay replay, SetColumnDefault op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (column.identity() != null) {
        return Change.fail(AlterTables.columnOf(table, column) + " is an identity column and cannot have a default");
      }
      if (column.generated() != null) {
        return Change.fail(AlterTables.columnOf(table, column) + " is a generated column and cannot have a default");
      }
      boolean drop = op.defaultValue().isNullLiteral();
      return Change.ok(schema.withTable(Tables.withColumn(table, column.name(),
          c -> c.withDefault(drop ? null : op.defaultValue()))));
    });
  }

  static ReplayStep dropDefault(Replay replay, DropColumnDefault op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (column.identity() != null) {
        return Change.fail(AlterTables.columnOf(table, column)
            + " is an identity column: use DROP IDENTITY instead of DROP DEFAULT");
      }
      return Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> c.withDefault(null))));
    });
  }

  static ReplayStep setNotNull(Replay replay, SetNotNull op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) ->
        Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> c.withNotNull(true)))));
  }

  static ReplayStep dropNotNull(Replay replay, DropNotNull op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (ConstraintReplay.inPrimaryKey(table, column)) {
        return Change.fail(AlterTables.columnOf(table, column) + " is in a primary key and must stay NOT NULL");
      }
      if (column.identity() != null) {
        return Change.fail(AlterTables.columnOf(table, column) + " is an identity column and must stay NOT NULL");
      }
      if (table.partitionOf() != null && parentNotNull(schema, table, column)) {
        return Change.fail(AlterTables.columnOf(table, column) + " is NOT NULL in the partitioned table "
            + table.partitionOf().sql());
      }
      return Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> c.withNotNull(false))));
    });
  }

  private static boolean parentNotNull(Schema schema, Table table, Column column) {
    Table parent = schema.tables().get(table.partitionOf());
    return parent != null && parent.column(column.name()).map(Column::notNull).orElse(false);
  }

  static ReplayStep addIdentity(Replay replay, AddIdentity op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (column.identity() != null) {
        return Change.fail(AlterTables.columnOf(table, column) + " is already an identity column");
      }
      if (column.defaultValue() != null) {
        return Change.fail(AlterTables.columnOf(table, column) + " already has a default value");
      }
      if (!column.notNull()) {
        return Change.fail(AlterTables.columnOf(table, column) + " must be NOT NULL before identity can be added");
      }
      String typeProblem = NewColumns.identityTypeProblem(table.name(), column.name(), column.type());
      if (typeProblem != null) {
        return Change.fail(typeProblem);
      }
      Schema result = schema.withTable(Tables.withColumn(table, column.name(), c -> c.withIdentity(op.identity())));
      if (table.name().equals(replay.relation(op.table().name()))) {
        QualifiedName sequence = NewColumns.sequenceName(schema, table.name(), column.name(),
            op.identity().sequenceOptions());
        result = result.withSequence(new Sequence(sequence, Tables.ownerOf(table.name(), column.name())));
      }
      return Change.ok(result);
    });
  }

  static ReplayStep alterIdentity(Replay replay, AlterIdentity op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (column.identity() == null) {
        return Change.fail(AlterTables.columnOf(table, column) + " is not an identity column");
      }
      String change = op.change().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      Identity identity = column.identity();
      if (change.contains("set generated always")) {
        identity = new Identity(true, identity.sequenceOptions());
      } else if (change.contains("set generated by default")) {
        identity = new Identity(false, identity.sequenceOptions());
      }
      Identity changed = identity;
      return Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> c.withIdentity(changed))));
    });
  }

  static ReplayStep dropIdentity(Replay replay, DropIdentity op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      if (column.identity() == null) {
        return op.ifExists() ? Change.ok(schema)
            : Change.fail(AlterTables.columnOf(table, column) + " is not an identity column");
      }
      Schema result = schema.withTable(Tables.withColumn(table, column.name(), c -> c.withIdentity(null)));
      for (Sequence s : Tables.ownedSequences(schema, table.name(), column.name())) {
        result = result.withoutSequence(s.name());
      }
      return Change.ok(result);
    });
  }

  static ReplayStep attribute(Replay replay, AlterColumnAttribute op) {
    return AlterTables.onColumn(replay, op.table(), op.column(), (schema, table, column) -> {
      switch (op.attribute()) {
        case DROP_EXPRESSION:
          // The parser does not keep IF EXISTS here, so a plain column is left alone without a problem.
          return Change.ok(column.generated() == null ? schema
              : schema.withTable(Tables.withColumn(table, column.name(), c -> c.withGenerated(null))));
        case SET_EXPRESSION:
          if (column.generated() == null) {
            return Change.fail(AlterTables.columnOf(table, column) + " is not a generated column");
          }
          GeneratedColumn generated = new GeneratedColumn(ExpressionAnalyzer.analyze(op.value()),
              column.generated().stored());
          return Change.ok(schema.withTable(Tables.withColumn(table, column.name(), c -> c.withGenerated(generated))));
        case STATISTICS:
        case STORAGE:
        case COMPRESSION:
        case OPTIONS:
        case RESET_OPTIONS:
        default:
          return Change.ok(schema);
      }
    });
  }
}
