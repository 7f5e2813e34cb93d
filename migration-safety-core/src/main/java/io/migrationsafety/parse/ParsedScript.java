package io.migrationsafety.parse;

import java.util.List;
import java.util.Objects;

/**
 * A whole script, parsed.
 *
 * @param file the file (or other source name) it came from
 * @param source its text
 * @param statements its statements, in order
 */
public record ParsedScript(String file, String source, List<ParsedStatement> statements) {

  public ParsedScript {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    statements = List.copyOf(statements);
  }

  /** How many statements were not understood. */
  public long unrecognizedCount() {
    return statements.stream().filter(ParsedStatement::isUnrecognized).count();
  }
}
