package io.migrationsafety.trace;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rollback.RollbackSql;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DDL that builds a schema model on an empty database — schema only, no rows: schemas,
 * extensions, enum types, sequences, tables with their columns, constraints, indexes and views. What
 * the model does not hold (partition bounds, the definition of non-enum types) cannot be built,
 * and says so instead of being guessed. Used to build a trace's starting schema and the schema a
 * rollback verification starts from.
 */
public final class SchemaDdl {

  private SchemaDdl() {}

  /** Runs the DDL for {@code schema} on the session's embedded server, committed. */
  static void build(TraceSession session, Schema schema) {
    for (String statement : statements(schema)) {
      try {
        session.apply(statement);
      } catch (TraceException e) {
        throw new TraceException("cannot build the starting schema on " + session.target().description()
            + ": " + statement + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The statements, in an order that works.
   *
   * @throws TraceException when the schema holds something the model cannot rebuild
   */
  public static List<String> statements(Schema schema) {
    List<String> ddl = new ArrayList<>();
    schema.schemas().stream().filter(s -> !s.equals("public"))
        .forEach(s -> ddl.add("CREATE SCHEMA IF NOT EXISTS " + RollbackSql.q(s)));
    schema.extensions().forEach(e -> ddl.add("CREATE EXTENSION IF NOT EXISTS " + RollbackSql.q(e)));
    for (UserType type : schema.types().values()) {
      if (type.kind() != UserType.Kind.ENUM) {
        throw new TraceException("cannot build type " + type.name().sql() + " on the trace server: the schema "
            + "model keeps only the labels of enum types");
      }
      ddl.add("CREATE TYPE " + type.name().sql() + " AS ENUM ("
          + type.labels().stream().map(SqlLiteral::of).collect(Collectors.joining(", ")) + ")");
    }
    Set<String> identityOwners = new HashSet<>();
    for (Table table : schema.tables().values()) {
      for (Column c : table.columns()) {
        if (c.identity() != null) {
          identityOwners.add(table.name().sql() + "." + QualifiedName.quote(c.name()));
        }
      }
    }
    List<Sequence> owned = new ArrayList<>();
    for (Sequence sequence : schema.sequences().values()) {
      if (sequence.ownedBy() == null || !identityOwners.contains(sequence.ownedBy())) {
        ddl.add("CREATE SEQUENCE " + sequence.name().sql());
        if (sequence.ownedBy() != null) {
          owned.add(sequence);
        }
      }
    }
    List<String> late = new ArrayList<>();
    for (Table table : tablesParentsFirst(schema)) {
      ddl.add(createTable(table));
      for (Constraint c : table.constraints()) {
        if (c.kind() == ConstraintKind.NOT_NULL) {
          continue;
        }
        (c.kind() == ConstraintKind.FOREIGN_KEY ? late : ddl).add(RollbackSql.addConstraint(table.name(), c));
      }
    }
    owned.forEach(s -> ddl.add("ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + s.ownedBy()));
    Set<String> constraintIndexes = new HashSet<>();
    schema.tables().values().forEach(t -> t.constraints().stream().filter(c -> c.index() != null)
        .forEach(c -> constraintIndexes.add(t.name().schema() + "." + c.index())));
    for (Index index : schema.indexes().values()) {
      if (!constraintIndexes.contains(index.name().schema() + "." + index.name().name())) {
        ddl.add(RollbackSql.createIndex(index, false));
      }
    }
    ddl.addAll(late);
    for (View view : schema.views().values()) {
      ddl.add("CREATE " + (view.materialized() ? "MATERIALIZED " : "") + "VIEW " + view.name().sql() + " AS "
          + view.query());
    }
    return ddl;
  }

  private static String createTable(Table table) {
    if (table.partitionOf() != null) {
      throw new TraceException("cannot build partition " + table.name().sql() + " on the trace server: the schema "
          + "model does not keep partition bounds; trace with earlier migrations that create it instead");
    }
    String persistence = switch (table.persistence()) {
      case UNLOGGED -> "UNLOGGED ";
      case TEMPORARY -> "TEMPORARY ";
      default -> "";
    };
    String columns = table.columns().stream().map(c -> RollbackSql.column(c, null, true))
        .collect(Collectors.joining(", "));
    return "CREATE " + persistence + "TABLE " + table.name().sql() + " (" + columns + ")"
        + (table.partitionBy() != null ? " PARTITION BY " + table.partitionBy() : "");
  }

  private static List<Table> tablesParentsFirst(Schema schema) {
    List<Table> ordered = new ArrayList<>();
    schema.tables().values().stream().filter(t -> t.partitionOf() == null).forEach(ordered::add);
    schema.tables().values().stream().filter(t -> t.partitionOf() != null).forEach(ordered::add);
    return ordered;
  }
}
