package io.migrationsafety.parse;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.sql.SqlStatement;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a script and what it does.
 *
 * @param statement the statement as split from the script, with its source span
 * @param operations what it changes; one {@link Unrecognized} when it was not understood; empty
 *     only for the data lines of a {@code COPY … FROM stdin}, which belong to the COPY before them
 */
public record ParsedStatement(SqlStatement statement, List<Operation> operations) {

  public ParsedStatement {
    Objects.requireNonNull(statement, "statement");
    operations = List.copyOf(operations);
  }

  /** Whether the parser did not understand this statement. */
  public boolean isUnrecognized() {
    return operations.stream().anyMatch(o -> o instanceof Unrecognized);
  }
}
