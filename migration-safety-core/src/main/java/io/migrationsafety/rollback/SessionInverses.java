package io.migrationsafety.rollback;

import io.migrationsafety.operation.ChangePrivileges;
import io.migrationsafety.operation.Comment;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Table;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Inverses of transaction control, comments, privileges and data changes. */
final class SessionInverses {

  private SessionInverses() {}

  /** Whether the forward script has opened a transaction of its own that it has not ended yet. */
  static final class ScriptTransaction {
    boolean open;
  }

  /**
   * In the reversed script, a COMMIT opens the transaction and a BEGIN closes it. A COMMIT with no
   * BEGIN before it in the script ends the transaction the tool opened: the rollback, run by the
   * same tool, needs no BEGIN for it (one would be left open at the end and rolled back).
   */
  static RollbackStep transaction(Forward f, ScriptTransaction script) {
    TransactionControl op = (TransactionControl) f.op();
    switch (op.action()) {
      case BEGIN:
        script.open = true;
        return Inverse.of(f.line(), "COMMIT");
      case COMMIT:
        if (!script.open) {
          return Inverse.nothing(f.line(), "COMMIT ends the transaction the tool opened: nothing to undo");
        }
        script.open = false;
        return Inverse.of(f.line(), "BEGIN");
      default:
        return Inverse.nothing(f.line(), op.action() + ": nothing to undo");
    }
  }

  static RollbackStep comment(Forward f) {
    Comment op = (Comment) f.op();
    return Inverse.nothing(f.line(), "the former comment on " + op.objectType().sql().toLowerCase() + " "
        + op.target() + " is not modelled, so it is not restored");
  }

  static RollbackStep privileges(Forward f) {
    ChangePrivileges op = (ChangePrivileges) f.op();
    String grantees = op.grantees().stream().map(g -> g.startsWith("\"") || g.contains(" ") ? g : RollbackSql.q(g))
        .collect(Collectors.joining(", "));
    String privileges = String.join(", ", op.privileges());
    String sql;
    if (op.objectType() == ObjectType.ROLE) {
      sql = op.grant() ? "REVOKE " + privileges + " FROM " + grantees
          : "GRANT " + privileges + " TO " + grantees + (op.grantOption() ? " WITH ADMIN OPTION" : "");
    } else {
      String verb = op.grant() ? "REVOKE " : "GRANT ";
      String target;
      String objects = op.objects().stream().map(QualifiedName::sql).collect(Collectors.joining(", "));
      if (op.defaultPrivileges()) {
        target = plural(op.objectType());
      } else if (op.allInSchema()) {
        target = "ALL " + plural(op.objectType()) + " IN SCHEMA " + objects;
      } else {
        target = op.objectType().sql() + " " + objects;
      }
      sql = verb + privileges + " ON " + target + (op.grant() ? " FROM " : " TO ") + grantees
          + (!op.grant() && op.grantOption() ? " WITH GRANT OPTION" : "");
      if (op.defaultPrivileges()) {
        sql = "ALTER DEFAULT PRIVILEGES" + (op.objects().isEmpty() ? "" : " IN SCHEMA " + objects) + " " + sql;
      }
    }
    Inverse inverse = Inverse.of(f.line(), sql);
    return op.grant() ? inverse
        : inverse.withNote("grants back everything revoked: the grantees may not have held all of it before");
  }

  private static String plural(ObjectType type) {
    return type == ObjectType.MATERIALIZED_VIEW || type == ObjectType.VIEW ? "TABLES" : type.sql() + "S";
  }

  /** Only an {@code INSERT … VALUES} of constant rows can be undone: by deleting exactly those rows. */
  static RollbackStep dataChange(Forward f) {
    DataChange op = (DataChange) f.op();
    if (op.dmlKind() != DmlKind.INSERT || op.literalRows() < 0) {
      return new Irreversible(f.line(), op.dmlKind() + " changes rows the rollback cannot know: their former"
          + " values are not kept", "save the affected rows in a backup table first, and restore them from it");
    }
    if (op.onConflict()) {
      return Irreversible.of(f.line(), "INSERT … ON CONFLICT: the rows may have existed before, so deleting them"
          + " could remove data the migration did not add");
    }
    QualifiedName table = f.qualify(op.table());
    List<String> columns = op.columns().isEmpty()
        ? f.tableBefore(table).map(t -> t.columns().stream().map(Column::name).collect(Collectors.toList()))
            .orElse(List.of())
        : op.columns();
    Optional<Table> target = f.tableBefore(table);
    if (target.isPresent() && columns.stream().anyMatch(c -> target.get().column(c)
        .map(col -> col.type().name().equals("json")).orElse(false))) {
      return Irreversible.of(f.line(), "json has no equality operator, so the inserted rows cannot be found again"
          + " to delete them");
    }
    List<String> rows = rows(f.statement().statement());
    if (rows == null || columns.isEmpty()) {
      return Irreversible.of(f.line(), "the inserted values could not be read back to delete them");
    }
    List<String> conditions = new ArrayList<>();
    for (String row : rows) {
      conditions.add("(" + RollbackSql.columns(columns) + ") IS NOT DISTINCT FROM " + row);
    }
    return Inverse.of(f.line(), "DELETE FROM " + table.sql() + " WHERE " + String.join("\n   OR ", conditions))
        .withNote("deletes every row equal to an inserted one, including equal rows that existed before");
  }

  /** The parenthesized rows after VALUES, as written; {@code null} when a row uses DEFAULT. */
  private static List<String> rows(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    int base = statement.span().start().offset();
    int at = -1;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      depth += t.type() == TokenType.LEFT_PAREN ? 1 : t.type() == TokenType.RIGHT_PAREN ? -1 : 0;
      if (depth == 0 && t.type() == TokenType.IDENTIFIER && t.is("values")) {
        at = i + 1;
        break;
      }
    }
    if (at < 0) {
      return null;
    }
    List<String> rows = new ArrayList<>();
    int open = -1;
    depth = 0;
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.LEFT_PAREN && depth++ == 0) {
        open = t.offset();
      } else if (t.type() == TokenType.RIGHT_PAREN && --depth == 0) {
        rows.add(statement.text().substring(open - base, t.endOffset() - base));
      } else if (depth == 1 && t.type() == TokenType.IDENTIFIER && t.is("default")) {
        return null;
      } else if (depth == 0 && t.type() != TokenType.COMMA) {
        break;
      }
    }
    return rows.isEmpty() ? null : rows;
  }
}
