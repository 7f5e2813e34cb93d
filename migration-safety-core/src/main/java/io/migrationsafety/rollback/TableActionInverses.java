package io.migrationsafety.rollback;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.DropColumn;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.RenameColumn;
import io.migrationsafety.operation.RenameConstraint;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Inverses of the {@code ALTER TABLE} subcommands. */
final class TableActionInverses {

  private static final Map<String, String> SERIALS = Map.of("integer", "serial", "bigint", "bigserial",
      "smallint", "smallserial");

  private TableActionInverses() {}

  private static String alter(Forward f) {
    return "ALTER TABLE " + f.qualify(((TableAction) f.op()).table().name()).sql() + " ";
  }

  static RollbackStep addColumn(Forward f) {
    AddColumn op = (AddColumn) f.op();
    return Inverse.of(f.line(), alter(f) + "DROP COLUMN " + RollbackSql.q(op.column().name()))
        .withNote("data written to column " + op.column().name() + " since the migration is lost");
  }

  static RollbackStep dropColumn(Forward f) {
    DropColumn op = (DropColumn) f.op();
    QualifiedName table = f.qualify(op.table().name());
    Column column = f.columnBefore(table, op.column()).orElseThrow();
    // A serial column's sequence went with it: writing serial again re-creates it under the same name.
    String serial = serialType(f, table, column);
    boolean notNullSafe = column.notNull() && (serial != null || column.identity() != null
        || (column.defaultValue() != null && column.generated() == null));
    List<String> sql = new ArrayList<>();
    sql.add(alter(f) + "ADD COLUMN " + RollbackSql.column(column, serial, notNullSafe || column.generated() != null));
    Restore.Vanished vanished = Restore.between(f.before(), f.after());
    sql.addAll(vanished.statements());
    Inverse inverse = new Inverse(f.line(), sql, List.of(), false, false)
        .withDataLoss("data is not restored: column " + column.name() + " comes back "
            + (column.defaultValue() != null || serial != null ? "filled with its default" : "empty"));
    if (column.notNull() && !notNullSafe) {
      inverse = inverse.withNote("NOT NULL is not restored: the re-added column is empty; fill it, then SET NOT NULL");
    }
    return inverse;
  }

  private static String serialType(Forward f, QualifiedName table, Column column) {
    if (column.defaultValue() == null || !column.defaultValue().sql().startsWith("nextval(")) {
      return null;
    }
    String owner = table.name() + "." + column.name();
    for (Sequence s : f.before().sequences().values()) {
      if (s.ownedBy() != null && s.ownedBy().endsWith(owner) && !f.after().sequences().containsKey(s.name())) {
        return SERIALS.get(column.type().sql());
      }
    }
    return null;
  }

  static RollbackStep renameColumn(Forward f) {
    RenameColumn op = (RenameColumn) f.op();
    return Inverse.of(f.line(), alter(f) + "RENAME COLUMN " + RollbackSql.q(op.newName()) + " TO "
        + RollbackSql.q(op.column()));
  }

  static RollbackStep alterType(Forward f) {
    AlterColumnType op = (AlterColumnType) f.op();
    Column column = f.columnBefore(op.table().name(), op.column()).orElseThrow();
    String type = column.type().sql();
    String sql = alter(f) + "ALTER COLUMN " + RollbackSql.q(column.name()) + " TYPE " + type
        + (column.collation() != null ? " COLLATE " + column.collation() : "")
        + " USING " + RollbackSql.q(column.name()) + (isEnum(f, column.type()) || isEnum(f, op.type()) ? "::text::" : "::")
        + type;
    return Inverse.of(f.line(), sql)
        .withNote("rewrites the table; values the forward change rounded or truncated do not come back");
  }

  /** Whether {@code type} is an enum: PostgreSQL casts enums to and from other types only through text. */
  private static boolean isEnum(Forward f, DataType type) {
    String name = type.name().substring(type.name().lastIndexOf('.') + 1).replace("\"", "");
    return Stream.of(f.before(), f.after()).flatMap(s -> s.types().values().stream())
        .anyMatch(t -> t.kind() == UserType.Kind.ENUM && t.name().name().equals(name));
  }

  static RollbackStep defaultChange(Forward f, String column) {
    TableAction op = (TableAction) f.op();
    Column before = f.columnBefore(op.table().name(), column).orElseThrow();
    String target = alter(f) + "ALTER COLUMN " + RollbackSql.q(column) + " ";
    return Inverse.of(f.line(), before.defaultValue() == null ? target + "DROP DEFAULT"
        : target + "SET DEFAULT " + before.defaultValue().sql());
  }

  static RollbackStep notNullChange(Forward f, String column) {
    TableAction op = (TableAction) f.op();
    Column before = f.columnBefore(op.table().name(), column).orElseThrow();
    String target = alter(f) + "ALTER COLUMN " + RollbackSql.q(column) + " ";
    if (before.notNull()) {
      return Inverse.of(f.line(), target + "SET NOT NULL")
          .withNote("fails if NULLs were written since the migration; scans the table under ACCESS EXCLUSIVE");
    }
    return Inverse.of(f.line(), target + "DROP NOT NULL");
  }

  static RollbackStep addConstraint(Forward f) {
    AddConstraint op = (AddConstraint) f.op();
    QualifiedName table = f.qualify(op.table().name());
    Table before = f.before().table(table).orElseThrow();
    Table after = f.after().table(table).orElseThrow();
    List<String> sql = new ArrayList<>();
    for (Constraint c : after.constraints()) {
      if (before.constraint(c.name()).isEmpty()) {
        sql.add(alter(f) + "DROP CONSTRAINT " + RollbackSql.q(c.name()));
      }
    }
    // A primary key sets NOT NULL on its columns, and dropping the key does not drop it again.
    for (Column c : after.columns()) {
      if (c.notNull() && before.column(c.name()).map(b -> !b.notNull()).orElse(false)) {
        sql.add(alter(f) + "ALTER COLUMN " + RollbackSql.q(c.name()) + " DROP NOT NULL");
      }
    }
    Inverse inverse = new Inverse(f.line(), sql, List.of(), false, false);
    // USING INDEX turns an index into the constraint: dropping the constraint drops the index too.
    if (op.constraint().usingIndex() != null) {
      Optional<io.migrationsafety.schema.Index> index = f.before().index(
          QualifiedName.of(table.schema(), op.constraint().usingIndex()));
      if (index.isPresent()) {
        List<String> withIndex = new ArrayList<>(sql);
        withIndex.add(RollbackSql.createIndex(index.get(), false));
        inverse = new Inverse(f.line(), withIndex, List.of("re-creates the index the constraint took over"),
            false, false);
      }
    }
    return inverse;
  }

  static RollbackStep dropConstraint(Forward f) {
    DropConstraint op = (DropConstraint) f.op();
    Restore.Vanished vanished = Restore.between(f.before(), f.after());
    Inverse inverse = new Inverse(f.line(), vanished.statements(), List.of(), false, false);
    Constraint dropped = f.tableBefore(op.table().name()).flatMap(t -> t.constraint(op.name())).orElseThrow();
    if (dropped.valid()) {
      inverse = inverse.withNote("fails if rows written since the migration violate the constraint; "
          + "add it NOT VALID and VALIDATE it separately to avoid a long lock");
    }
    return inverse;
  }

  static RollbackStep renameConstraint(Forward f) {
    RenameConstraint op = (RenameConstraint) f.op();
    return Inverse.of(f.line(), alter(f) + "RENAME CONSTRAINT " + RollbackSql.q(op.newName()) + " TO "
        + RollbackSql.q(op.name()));
  }

  static RollbackStep setLogged(Forward f) {
    SetLogged op = (SetLogged) f.op();
    return Inverse.of(f.line(), alter(f) + (op.logged() ? "SET UNLOGGED" : "SET LOGGED"))
        .withNote("rewrites the table");
  }

  static RollbackStep dropIdentity(Forward f, String column) {
    TableAction op = (TableAction) f.op();
    Column before = f.columnBefore(op.table().name(), column).orElseThrow();
    return Inverse.of(f.line(), alter(f) + "ALTER COLUMN " + RollbackSql.q(column) + " ADD GENERATED "
        + (before.identity().always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
        + (before.identity().sequenceOptions().isBlank() ? "" : " (" + before.identity().sequenceOptions() + ")"))
        .withDataLoss("the identity's sequence restarts: set it past the highest value with setval");
  }

  static RollbackStep addIdentity(Forward f, String column) {
    return Inverse.of(f.line(), alter(f) + "ALTER COLUMN " + RollbackSql.q(column) + " DROP IDENTITY");
  }

  static RollbackStep notModelled(Forward f, String what) {
    return Irreversible.of(f.line(), "the former " + what + " is not modelled, so it cannot be restored");
  }
}
