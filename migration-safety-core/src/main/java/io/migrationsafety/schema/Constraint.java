package io.migrationsafety.schema;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import java.util.List;
import java.util.Objects;

/**
 * A table constraint.
 *
 * @param name its name (PostgreSQL's generated name when none was given)
 * @param kind its kind
 * @param columns the constrained columns (for CHECK: those it mentions, when known)
 * @param expression the CHECK or EXCLUDE definition, or {@code null}
 * @param referencedTable the table a foreign key references, or {@code null}
 * @param referencedColumns the columns it references (empty: the primary key)
 * @param onDelete the foreign key's ON DELETE action, or {@code null}
 * @param onUpdate the foreign key's ON UPDATE action, or {@code null}
 * @param valid {@code false} while a constraint added {@code NOT VALID} is not yet validated
 * @param deferrable whether it can be deferred
 * @param initiallyDeferred whether it is deferred by default
 * @param index the index behind a primary key, unique or exclusion constraint, or {@code null}
 */
public record Constraint(
    String name,
    ConstraintKind kind,
    List<String> columns,
    String expression,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    boolean valid,
    boolean deferrable,
    boolean initiallyDeferred,
    String index) {

  public Constraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  /** This constraint, validated. */
  public Constraint validated() {
    return new Constraint(name, kind, columns, expression, referencedTable, referencedColumns, onDelete, onUpdate,
        true, deferrable, initiallyDeferred, index);
  }

  /** This constraint under another name. */
  public Constraint withName(String newName) {
    return new Constraint(newName, kind, columns, expression, referencedTable, referencedColumns, onDelete, onUpdate,
        valid, deferrable, initiallyDeferred, index);
  }
}
