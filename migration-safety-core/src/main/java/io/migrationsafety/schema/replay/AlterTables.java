package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.TableRef;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.function.Function;

/**
 * The frame of every {@code ALTER TABLE} subcommand: find the table ({@code IF EXISTS} turns a
 * missing one into a notice), find the column, and pass a column change on to the partitions of a
 * partitioned table unless {@code ONLY} was written.
 */
final class AlterTables {

  private AlterTables() {}

  /** A change of one column of one table. */
  interface ColumnEdit {
    Change apply(Schema schema, Table table, Column column);
  }

  /** Runs {@code action} on the table {@code ref} names. */
  static ReplayStep onTable(Replay replay, TableRef ref, Function<Table, Change> action) {
    QualifiedName name = replay.relation(ref.name());
    Table table = replay.before.tables().get(name);
    if (table == null) {
      return ref.ifExists() ? replay.unchanged() : replay.fail(Problems.tableMissing(name));
    }
    return action.apply(table).step(replay);
  }

  /**
   * Runs {@code edit} on column {@code column} of the table {@code ref} names, then on the same
   * column of each of its partitions (unless {@code ONLY}).
   */
  static ReplayStep onColumn(Replay replay, TableRef ref, String column, ColumnEdit edit) {
    return onTable(replay, ref, table -> {
      Column c = table.column(column).orElse(null);
      if (c == null) {
        return Change.fail(Problems.columnMissing(column, table.name()));
      }
      Change change = edit.apply(replay.before, table, c);
      if (change.failed() || ref.only()) {
        return change;
      }
      return Change.ok(toPartitions(change.schema(), table.name(), column, edit));
    });
  }

  /** {@code schema} with {@code edit} applied to column {@code column} of every partition of {@code table}. */
  static Schema toPartitions(Schema schema, QualifiedName table, String column, ColumnEdit edit) {
    Schema result = schema;
    for (QualifiedName child : Partitions.descendants(schema, table)) {
      Table t = result.tables().get(child);
      Column c = t == null ? null : t.column(column).orElse(null);
      if (c != null) {
        Change change = edit.apply(result, t, c);
        if (!change.failed()) {
          result = change.schema();
        }
      }
    }
    return result;
  }

  /** {@code "x" of table t}: how problems name a column. */
  static String columnOf(Table table, Column column) {
    return "column " + Problems.quoted(column.name()) + " of table " + table.name().sql();
  }
}
