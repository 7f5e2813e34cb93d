package io.migrationsafety.sql;

import java.util.List;
import java.util.Objects;

/**
 * A script split into statements.
 *
 * @param file the file (or other source name) the script came from, for messages
 * @param source the whole text of the script
 * @param statements its statements, in order
 */
public record SqlScript(String file, String source, List<SqlStatement> statements) {

  public SqlScript {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    statements = List.copyOf(statements);
  }
}
