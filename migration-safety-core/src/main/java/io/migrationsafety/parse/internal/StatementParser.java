package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.operation.Unrecognized;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends each statement to the parser of its family, and turns every failure into an
 * {@link Unrecognized} operation: nothing escapes, nothing is dropped.
 */
public final class StatementParser {

  private static final List<StatementFamily> FAMILIES = List.of(
      new TableStatements(),
      new IndexStatements(),
      new TypeStatements(),
      new DropStatements(),
      new SequenceStatements(),
      new ViewStatements(),
      new SchemaStatements(),
      new RoutineStatements(),
      new TriggerStatements(),
      new PrivilegeStatements(),
      new CommentStatements(),
      new RoleStatements(),
      new MaintenanceStatements(),
      new SessionStatements(),
      new DmlStatements());

  private static final Map<String, StatementFamily> BY_HEAD = byHead();

  /** Words that may stand between CREATE/ALTER/DROP and the kind of object. */
  private static final Set<String> MODIFIERS = Set.of(
      "or", "replace", "temp", "temporary", "unlogged", "global", "local", "unique",
      "materialized", "recursive", "constraint", "trusted", "procedural");

  private StatementParser() {}

  private static Map<String, StatementFamily> byHead() {
    Map<String, StatementFamily> map = new HashMap<>();
    for (StatementFamily family : FAMILIES) {
      for (String head : family.heads()) {
        StatementFamily previous = map.put(head, family);
        if (previous != null) {
          throw new IllegalStateException("statement head '" + head + "' is claimed by both "
              + previous.getClass().getSimpleName() + " and " + family.getClass().getSimpleName());
        }
      }
    }
    return Map.copyOf(map);
  }

  /** The operations of one statement; never throws. */
  public static List<Operation> parse(SqlStatement statement) {
    switch (statement.kind()) {
      case PSQL_META_COMMAND:
        return List.of(new Unrecognized("psql meta-command " + firstWord(statement.text())
            + " is not SQL: its effect is not reviewed"));
      case COPY_DATA:
        return List.of();
      default:
        break;
    }
    String unresolved = unresolvedReason(statement);
    if (unresolved != null) {
      return unrecognized(unresolved);
    }
    TokenCursor cursor = new TokenCursor(statement);
    Token first = cursor.peek();
    if (first == null || first.type() != TokenType.IDENTIFIER) {
      return unrecognized("a statement cannot start with '" + (first == null ? "" : first.text()) + "'");
    }
    String verb = first.text().toLowerCase(Locale.ROOT);
    String object = objectWord(cursor, verb);
    StatementFamily family = object == null ? null : BY_HEAD.get(verb + " " + object);
    if (family == null) {
      family = BY_HEAD.get(verb);
    }
    if (family == null) {
      String what = (verb + (object == null ? "" : " " + object)).toUpperCase(Locale.ROOT);
      return unrecognized(what + " is not a statement this library models");
    }
    try {
      List<Operation> operations = family.parse(cursor);
      if (operations.isEmpty()) {
        return unrecognized("the statement gave no operation");
      }
      return operations;
    } catch (ParseFailure e) {
      return unrecognized(e.getMessage());
    } catch (RuntimeException e) {
      // A parser bug must not lose the statement or stop the review: fail closed.
      return unrecognized("internal parser error (" + e + "); please report it");
    }
  }

  /** The reason of a {@link SqlParser#UNRESOLVED_MARKER} comment of the statement, or {@code null}. */
  private static String unresolvedReason(SqlStatement statement) {
    for (Token comment : statement.comments()) {
      String text = comment.text();
      int at = text.indexOf(SqlParser.UNRESOLVED_MARKER);
      if (at >= 0) {
        String reason = text.substring(at + SqlParser.UNRESOLVED_MARKER.length());
        return reason.endsWith("*/") ? reason.substring(0, reason.length() - 2).strip() : reason.strip();
      }
    }
    return null;
  }

  private static String objectWord(TokenCursor cursor, String verb) {
    if (verb.equals("comment") || verb.equals("security")) {
      return null;
    }
    if (!verb.equals("create") && !verb.equals("alter") && !verb.equals("drop")) {
      return null;
    }
    for (int i = 1; ; i++) {
      Token t = cursor.peek(i);
      if (t == null || t.type() != TokenType.IDENTIFIER) {
        return null;
      }
      String word = t.text().toLowerCase(Locale.ROOT);
      if (!MODIFIERS.contains(word)) {
        return word;
      }
    }
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end);
  }

  private static List<Operation> unrecognized(String reason) {
    return List.of(new Unrecognized(reason));
  }
}
