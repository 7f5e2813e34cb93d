package io.migrationsafety.alembic.internal.python;

import io.migrationsafety.alembic.internal.python.PyToken.Kind;
import java.util.List;

/** The token cursor the Python parser reads with: look ahead, accept, expect, report where. */
abstract class PyTokens {

  final String file;
  final List<PyToken> tokens;
  int pos;

  PyTokens(String file, List<PyToken> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  PyToken peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  PyToken peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  PyToken next() {
    PyToken t = peek();
    if (pos < tokens.size()) {
      pos++;
    }
    return t;
  }

  boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptOp(String op) {
    if (peek().isOp(op)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptName(String name) {
    if (peek().isName(name)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(Kind kind, String what) {
    if (!accept(kind)) {
      throw error("expected " + what);
    }
  }

  void expectOp(String op) {
    if (!acceptOp(op)) {
      throw error("expected '" + op + "'");
    }
  }

  PyToken expectName(String name) {
    PyToken t = peek();
    if (!acceptName(name)) {
      throw error("expected '" + name + "'");
    }
    return t;
  }

  void expectCommaOr(String close) {
    if (!acceptOp(",") && !peek().isOp(close)) {
      throw error("expected ',' or '" + close + "'");
    }
  }

  String name() {
    PyToken t = peek();
    if (t.kind() != Kind.NAME) {
      throw error("expected a name");
    }
    pos++;
    return t.text();
  }

  PySyntaxException error(String problem) {
    PyToken t = peek();
    String found = t.kind() == Kind.NEWLINE ? "end of line" : t.kind() == Kind.END ? "end of file" : "'" + t.text() + "'";
    return new PySyntaxException(file, t.line(), t.column(), problem + ", found " + found);
  }

  void skipBracketed() {
    int depth = 0;
    do {
      PyToken t = next();
      if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
        depth--;
      } else if (t.kind() == Kind.END) {
        throw error("the file ends inside brackets");
      }
    } while (depth > 0);
  }

  void skipExpressionPiece() {
    if (peek().isOp("(") || peek().isOp("[") || peek().isOp("{")) {
      skipBracketed();
    } else {
      pos++;
    }
  }
}
