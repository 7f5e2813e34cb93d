package io.migrationsafety.rollback;

import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.CreateDomain;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateFunction;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.CreatePolicy;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.CreateTrigger;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.View;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Inverses of statements that create, rename and move whole objects. */
final class ObjectInverses {

  /** Object types renamed with {@code ALTER <type> … ON table RENAME TO}. */
  private static final Set<ObjectType> ON_TABLE = Set.of(ObjectType.TRIGGER, ObjectType.POLICY, ObjectType.RULE);

  private ObjectInverses() {}

  static RollbackStep createTable(Forward f) {
    CreateTable op = (CreateTable) f.op();
    if (f.unchanged()) {
      return Inverse.nothing(f.line(), "the table existed before (IF NOT EXISTS): nothing to undo");
    }
    return Inverse.of(f.line(), "DROP TABLE " + f.qualify(op.name()).sql())
        .withNote("rows written to " + op.name().name() + " since the migration are lost");
  }

  static RollbackStep createIndex(Forward f) {
    CreateIndex op = (CreateIndex) f.op();
    List<String> sql = new ArrayList<>();
    for (Index index : f.after().indexes().values()) {
      if (!f.before().indexes().containsKey(index.name())) {
        sql.add("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + index.name().sql());
      }
    }
    if (sql.isEmpty()) {
      return Inverse.nothing(f.line(), "the index existed before (IF NOT EXISTS): nothing to undo");
    }
    Inverse inverse = new Inverse(f.line(), sql, List.of(), false, false);
    return op.concurrently() ? inverse.mustRunOutsideTransaction() : inverse;
  }

  static RollbackStep createObject(Forward f) {
    if (f.unchanged()) {
      return Inverse.nothing(f.line(), "the object existed before (IF NOT EXISTS): nothing to undo");
    }
    switch (f.op().kind()) {
      case CREATE_TYPE:
        return Inverse.of(f.line(), "DROP TYPE " + f.qualify(((CreateType) f.op()).name()).sql());
      case CREATE_DOMAIN:
        return Inverse.of(f.line(), "DROP DOMAIN " + f.qualify(((CreateDomain) f.op()).name()).sql());
      case CREATE_SEQUENCE:
        return Inverse.of(f.line(), "DROP SEQUENCE " + f.qualify(((CreateSequence) f.op()).name()).sql());
      case CREATE_EXTENSION:
        return Inverse.of(f.line(), "DROP EXTENSION " + RollbackSql.q(((CreateExtension) f.op()).name()));
      case CREATE_SCHEMA:
        CreateSchema schema = (CreateSchema) f.op();
        return Inverse.of(f.line(), "DROP SCHEMA " + RollbackSql.q(
            schema.name() != null ? schema.name() : schema.authorization()));
      default:
        throw new IllegalArgumentException(f.op().kind().toString());
    }
  }

  static RollbackStep createView(Forward f) {
    CreateView op = (CreateView) f.op();
    QualifiedName name = f.qualify(op.name());
    View former = f.before().views().get(name);
    if (former != null && op.orReplace()) {
      // CREATE OR REPLACE cannot take columns away, and the new definition may have added some: drop
      // and create, unless another view may use this one (its name in their query), which would block the drop.
      boolean used = f.before().views().values().stream().anyMatch(v -> !v.name().equals(name)
          && v.query().toLowerCase(java.util.Locale.ROOT).contains(name.name().toLowerCase(java.util.Locale.ROOT)));
      if (!used && !former.materialized()) {
        return Inverse.of(f.line(), "DROP VIEW " + name.sql(), Restore.createView(former))
            .withNote("privileges granted on the view since it was created are not restored");
      }
      return Inverse.of(f.line(), "CREATE OR REPLACE VIEW " + name.sql() + " AS " + former.body())
          .withNote("if the new definition added columns, drop the view and create it instead");
    }
    if (f.unchanged()) {
      return Inverse.nothing(f.line(), "the view existed before (IF NOT EXISTS): nothing to undo");
    }
    return Inverse.of(f.line(), "DROP " + (op.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + name.sql());
  }

  static RollbackStep createRoutine(Forward f) {
    if (f.op() instanceof CreateFunction fn) {
      if (fn.orReplace()) {
        return Irreversible.of(f.line(), "CREATE OR REPLACE " + fn.routineType().sql() + ": the former definition,"
            + " if any, is not modelled");
      }
      return Inverse.of(f.line(), "DROP " + fn.routineType().sql() + " " + f.qualify(fn.name()).sql() + "("
          + fn.arguments() + ")");
    }
    if (f.op() instanceof CreateTrigger trigger) {
      if (trigger.orReplace()) {
        return Irreversible.of(f.line(), "CREATE OR REPLACE TRIGGER: the former trigger, if any, is not modelled");
      }
      return Inverse.of(f.line(), "DROP TRIGGER " + RollbackSql.q(trigger.name()) + " ON "
          + f.qualify(trigger.table()).sql());
    }
    CreatePolicy policy = (CreatePolicy) f.op();
    return Inverse.of(f.line(), "DROP POLICY " + RollbackSql.q(policy.name()) + " ON "
        + f.qualify(policy.table()).sql());
  }

  static RollbackStep rename(Forward f) {
    Rename op = (Rename) f.op();
    if (op.objectType() == ObjectType.SCHEMA) {
      return Inverse.of(f.line(), "ALTER SCHEMA " + RollbackSql.q(op.newName()) + " RENAME TO "
          + RollbackSql.q(op.name().name()));
    }
    if (ON_TABLE.contains(op.objectType())) {
      return Inverse.of(f.line(), "ALTER " + op.objectType().sql() + " " + RollbackSql.q(op.newName()) + " ON "
          + f.qualify(op.onTable()).sql() + " RENAME TO " + RollbackSql.q(op.name().name()));
    }
    QualifiedName renamed = QualifiedName.of(f.qualify(op.name()).schema(), op.newName());
    return Inverse.of(f.line(), "ALTER " + op.objectType().sql() + " " + renamed.sql() + " RENAME TO "
        + RollbackSql.q(op.name().name()));
  }

  static RollbackStep setSchema(Forward f) {
    SetSchema op = (SetSchema) f.op();
    QualifiedName former = f.qualify(op.name());
    return Inverse.of(f.line(), "ALTER " + op.objectType().sql() + " "
        + QualifiedName.of(op.newSchema(), former.name()).sql() + " SET SCHEMA " + RollbackSql.q(former.schema()));
  }

  static RollbackStep addEnumValue(Forward f) {
    AddEnumValue op = (AddEnumValue) f.op();
    if (f.unchanged()) {
      return Inverse.nothing(f.line(), "the value existed before (IF NOT EXISTS): nothing to undo");
    }
    String type = f.qualify(op.type()).sql();
    String labels = f.before().types().containsKey(f.qualify(op.type()))
        ? f.before().types().get(f.qualify(op.type())).labels().stream().map(SqlLiteral::of)
            .collect(java.util.stream.Collectors.joining(", "))
        : "the former labels";
    return new Irreversible(f.line(), "PostgreSQL cannot remove an enum value: " + SqlLiteral.of(op.value())
        + " stays in " + type,
        "to remove it: update rows that use " + SqlLiteral.of(op.value()) + "; ALTER TYPE " + type
            + " RENAME TO old; CREATE TYPE " + type + " AS ENUM (" + labels + "); ALTER TABLE … ALTER COLUMN … TYPE "
            + type + " USING col::text::" + type + " for each column; DROP TYPE old");
  }

  static RollbackStep renameEnumValue(Forward f) {
    RenameEnumValue op = (RenameEnumValue) f.op();
    return Inverse.of(f.line(), "ALTER TYPE " + f.qualify(op.type()).sql() + " RENAME VALUE "
        + SqlLiteral.of(op.newValue()) + " TO " + SqlLiteral.of(op.value()));
  }
}
