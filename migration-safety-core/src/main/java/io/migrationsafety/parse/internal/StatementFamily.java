package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Operation;
import java.util.List;
import java.util.Set;

/**
 * The parser of one family of statements ({@code CREATE/ALTER TABLE}, indexes, types, DML…).
 * Each family says which statement heads it reads; {@link StatementParser} sends it those.
 */
interface StatementFamily {

  /**
   * The heads this family reads: the lower-case verb and, for CREATE, ALTER and DROP, the object
   * word after any modifiers ({@code "create table"}, {@code "alter index"}, {@code "insert"}).
   * A bare verb ({@code "drop"}) takes every statement with that verb that no more precise head
   * claims.
   */
  Set<String> heads();

  /**
   * Parses a statement, the cursor at its first token. Throws {@link ParseFailure} when the
   * statement does not match the grammar.
   */
  List<Operation> parse(TokenCursor cursor);
}
