package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code COPY} (PostgreSQL documentation, SQL Commands: COPY), read from tokens: JSqlParser does not
 * know it. {@code COPY table [(columns)] FROM STDIN | 'file' | PROGRAM 'command'} loads rows: a
 * {@link DataChange} of kind COPY. {@code COPY table | (query) TO …} only reads: a {@link Query}.
 */
final class CopyStatements {

  private CopyStatements() {}

  static Operation read(TokenSlice s) {
    TokenCursor c = s.cursor();
    c.expect("copy");
    c.accept("binary"); // the pre-9.0 spelling of FORMAT binary
    if (c.isSymbol("(")) {
      int open = c.mark();
      c.parenthesized();
      TokenSlice query = s.slice(open + 1, c.mark() - 1);
      c.expect("to");
      return Queries.reading(query).toQuery();
    }
    QualifiedName table = c.qualifiedName();
    List<String> columns = c.isSymbol("(") ? c.parenthesizedNames() : List.of();
    if (c.accept("to")) {
      return new Query(List.of(table), List.of(), false);
    }
    c.expect("from");
    if (c.accept("program")) {
      c.string(); // a shell command on the server
    } else if (!c.accept("stdin")) {
      c.string(); // a file on the server
    }
    // Options, and the WHERE that filters input rows (PostgreSQL 12+): its calls run per row.
    int where = s.findWord(c.mark(), "where");
    List<String> functions = where < s.size()
        ? TokenFunctions.in(s.slice(where + 1, s.size())) : new ArrayList<>();
    return new DataChange(DmlKind.COPY, table, columns, null, -1, false, false, false, functions);
  }
}
