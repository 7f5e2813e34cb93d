package io.migrationsafety.parse;

import io.migrationsafety.parse.internal.StatementParser;
import io.migrationsafety.sql.ScriptReader;
import io.migrationsafety.sql.SqlScript;
import io.migrationsafety.sql.SqlSplitter;
import io.migrationsafety.sql.SqlStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses PostgreSQL migration scripts into typed operations.
 *
 * <p>Fails closed: a statement it does not understand becomes an
 * {@link io.migrationsafety.operation.Unrecognized} operation with the reason, never an exception
 * and never nothing. Only a script that cannot be split at all (unterminated quote, comment or
 * dollar quote; binary content; invalid UTF-8) is an error, a
 * {@link io.migrationsafety.sql.SqlSyntaxException} naming the file, line and column.
 *
 * <p>Stateless and thread-safe.
 */
public final class SqlParser {

  /**
   * Marks a statement that stands for source a format could not translate into SQL (an Alembic
   * call whose arguments are only known at run time): a statement with a comment
   * {@code /* migration-safety:unresolved <reason> *}{@code /} is not parsed but becomes an
   * {@link io.migrationsafety.operation.Unrecognized} with that reason, so that it is reported
   * rather than lost.
   */
  public static final String UNRESOLVED_MARKER = "migration-safety:unresolved";

  private SqlParser() {}

  /** Reads and parses a script file (UTF-8, with or without a byte-order mark). */
  public static ParsedScript parse(Path file) {
    return parse(ScriptReader.read(file), file.toString());
  }

  /**
   * Parses a script.
   *
   * @param source the script text
   * @param file names the script in messages
   */
  public static ParsedScript parse(String source, String file) {
    SqlScript script = SqlSplitter.split(source, file);
    List<ParsedStatement> parsed = new ArrayList<>(script.statements().size());
    for (SqlStatement statement : script.statements()) {
      parsed.add(new ParsedStatement(statement, StatementParser.parse(statement)));
    }
    return new ParsedScript(file, source, parsed);
  }
}
