package io.migrationsafety.rollback;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders schema-model values back into the DDL that creates them (used by rollbacks, and by the
 * tracer to build a snapshot's schema on its embedded server).
 */
public final class RollbackSql {

  private RollbackSql() {}

  /** A quoted identifier when it needs quotes. */
  public static String q(String identifier) {
    return QualifiedName.quote(identifier);
  }

  /** A list of column names, quoted as needed. */
  public static String columns(List<String> names) {
    return names.stream().map(RollbackSql::q).collect(Collectors.joining(", "));
  }

  /**
   * A column definition: type, collation, default, identity or generation, and NOT NULL only when
   * it cannot fail on existing rows (a non-volatile default fills them, or an identity does).
   *
   * @param typeOverride a type to write instead of the column's (serial for a serial column), or null
   */
  public static String column(Column c, String typeOverride, boolean restoreNotNull) {
    StringBuilder sb = new StringBuilder(q(c.name())).append(' ')
        .append(typeOverride != null ? typeOverride : c.type().sql());
    if (c.collation() != null) {
      // The model keeps the collation as written, quotes included.
      sb.append(" COLLATE ").append(c.collation());
    }
    if (typeOverride == null && c.defaultValue() != null) {
      sb.append(" DEFAULT ").append(c.defaultValue().sql());
    }
    if (c.identity() != null) {
      sb.append(" GENERATED ").append(c.identity().always() ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
      if (!c.identity().sequenceOptions().isBlank()) {
        sb.append(" (").append(c.identity().sequenceOptions()).append(')');
      }
    }
    if (c.generated() != null) {
      sb.append(" GENERATED ALWAYS AS (").append(c.generated().expression().sql()).append(')')
          .append(c.generated().stored() ? " STORED" : " VIRTUAL");
    }
    if (c.notNull() && restoreNotNull && c.identity() == null) {
      sb.append(" NOT NULL");
    }
    return sb.toString();
  }

  /** {@code ALTER TABLE t ADD CONSTRAINT name …} for a constraint of the model, NOT VALID if it was. */
  public static String addConstraint(QualifiedName table, Constraint c) {
    StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table.sql())
        .append(" ADD CONSTRAINT ").append(q(c.name())).append(' ').append(constraintBody(c));
    if (c.deferrable()) {
      sb.append(" DEFERRABLE");
      if (c.initiallyDeferred()) {
        sb.append(" INITIALLY DEFERRED");
      }
    }
    if (!c.valid() && (c.kind() == ConstraintKind.CHECK || c.kind() == ConstraintKind.FOREIGN_KEY)) {
      sb.append(" NOT VALID");
    }
    return sb.toString();
  }

  private static String constraintBody(Constraint c) {
    switch (c.kind()) {
      case PRIMARY_KEY:
        return "PRIMARY KEY (" + columns(c.columns()) + ")";
      case UNIQUE:
        return "UNIQUE (" + columns(c.columns()) + ")";
      case CHECK:
        return "CHECK (" + c.expression() + ")";
      case EXCLUDE:
        return "EXCLUDE " + c.expression();
      case NOT_NULL:
        return "NOT NULL " + columns(c.columns());
      case FOREIGN_KEY:
      default:
        StringBuilder sb = new StringBuilder("FOREIGN KEY (").append(columns(c.columns()))
            .append(") REFERENCES ").append(c.referencedTable().sql());
        if (!c.referencedColumns().isEmpty()) {
          sb.append(" (").append(columns(c.referencedColumns())).append(')');
        }
        appendAction(sb, "DELETE", c.onDelete());
        appendAction(sb, "UPDATE", c.onUpdate());
        return sb.toString();
    }
  }

  private static void appendAction(StringBuilder sb, String event, ReferentialAction action) {
    if (action != null && action != ReferentialAction.NO_ACTION) {
      sb.append(" ON ").append(event).append(' ').append(action.name().replace('_', ' '));
    }
  }

  /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table USING method (keys) [INCLUDE] [WHERE]}. */
  public static String createIndex(Index index, boolean concurrently) {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (index.unique()) {
      sb.append("UNIQUE ");
    }
    sb.append("INDEX ");
    if (concurrently) {
      sb.append("CONCURRENTLY ");
    }
    sb.append(q(index.name().name())).append(" ON ").append(index.table().sql())
        .append(" USING ").append(index.method()).append(" (")
        .append(index.elements().stream().map(RollbackSql::element).collect(Collectors.joining(", ")))
        .append(')');
    if (!index.include().isEmpty()) {
      sb.append(" INCLUDE (").append(columns(index.include())).append(')');
    }
    if (index.predicate() != null) {
      sb.append(" WHERE ").append(index.predicate().sql());
    }
    return sb.toString();
  }

  private static String element(IndexElement e) {
    StringBuilder sb = new StringBuilder(e.isExpression() ? "(" + e.expression().sql() + ")" : q(e.column()));
    if (e.collation() != null) {
      sb.append(" COLLATE ").append(e.collation());
    }
    if (e.opclass() != null) {
      sb.append(' ').append(e.opclass());
    }
    if (e.descending()) {
      sb.append(" DESC");
    }
    if (e.nullsFirst() != null) {
      sb.append(e.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
    return sb.toString();
  }
}
