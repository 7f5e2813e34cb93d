package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * A data-changing statement: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code COPY … FROM}, possibly under {@code WITH}.
 *
 * @param dmlKind which statement
 * @param table the target table
 * @param columns the inserted or assigned columns, lower-cased; empty when not listed
 * @param where the {@code WHERE} of an UPDATE or DELETE, or {@code null} when there is none
 * @param literalRows for an {@code INSERT … VALUES} of constants: how many rows; else -1
 * @param fromQuery the rows come from a query ({@code INSERT … SELECT}, {@code UPDATE … FROM}, {@code DELETE … USING}, MERGE source)
 * @param onConflict {@code INSERT … ON CONFLICT}
 * @param returning {@code RETURNING}
 * @param functions the functions it calls, lower-cased
 */
public record DataChange(
    DmlKind dmlKind,
    QualifiedName table,
    List<String> columns,
    WhereClause where,
    int literalRows,
    boolean fromQuery,
    boolean onConflict,
    boolean returning,
    List<String> functions) implements Operation {

  public DataChange {
    Objects.requireNonNull(dmlKind, "dmlKind");
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    functions = List.copyOf(functions);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DATA_CHANGE;
  }
}
