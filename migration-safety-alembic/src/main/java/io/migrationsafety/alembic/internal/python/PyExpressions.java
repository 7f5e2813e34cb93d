package io.migrationsafety.alembic.internal.python;

import io.migrationsafety.alembic.internal.python.Expr.Argument;
import io.migrationsafety.alembic.internal.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Python's expression grammar, from comma-separated lists down to atoms and their trailers. */
abstract class PyExpressions extends PyTokens {

  private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=");

  PyExpressions(String file, List<PyToken> tokens) {
    super(file, tokens);
  }

  /** Comma-separated expressions, possibly starred: a tuple when there is a comma. */
  Expr starExpressions() {
    int line = peek().line();
    Expr first = starExpression();
    if (!peek().isOp(",")) {
      return first;
    }
    List<Expr> elements = new ArrayList<>();
    elements.add(first);
    while (acceptOp(",")) {
      if (!startsExpression()) {
        break;
      }
      elements.add(starExpression());
    }
    return new Expr.Sequence(Expr.SequenceKind.TUPLE, elements, line);
  }

  Expr starExpression() {
    int line = peek().line();
    if (acceptOp("*")) {
      return new Expr.Starred(bitOr(), line);
    }
    return namedExpression();
  }

  boolean startsExpression() {
    PyToken t = peek();
    if (t.kind() == Kind.NAME) {
      return !Set.of("in", "for", "if", "else", "and", "or", "is", "as", "from").contains(t.text());
    }
    if (t.kind() == Kind.NUMBER || t.kind() == Kind.STRING) {
      return true;
    }
    return t.isOp("(") || t.isOp("[") || t.isOp("{") || t.isOp("-") || t.isOp("+") || t.isOp("~")
        || t.isOp("*") || t.isOp("...") || t.isOp("**");
  }

  /** An expression that may be a walrus assignment {@code name := value}. */
  Expr namedExpression() {
    if (peek().kind() == Kind.NAME && peek(1).isOp(":=")) {
      int line = next().line();
      pos++;
      expression();
      return new Expr.Opaque("an assignment expression (:=)", line);
    }
    return expression();
  }

  Expr expression() {
    PyToken t = peek();
    if (t.isName("lambda")) {
      pos++;
      while (!peek().isOp(":")) {
        if (peek().kind() == Kind.END || peek().kind() == Kind.NEWLINE) {
          throw error("a lambda without ':'");
        }
        skipExpressionPiece();
      }
      pos++;
      expression();
      return new Expr.Opaque("a lambda", t.line());
    }
    if (t.isName("yield")) {
      return yieldExpression();
    }
    Expr body = orTest();
    if (peek().isName("if") && !peek(1).isOp(":")) {
      int save = pos;
      pos++;
      Expr test = orTest();
      if (acceptName("else")) {
        return new Expr.IfExp(test, body, expression(), t.line());
      }
      pos = save; // a comprehension's condition, not a conditional expression
    }
    return body;
  }

  Expr yieldExpression() {
    int line = expectName("yield").line();
    if (acceptName("from")) {
      expression();
    } else if (startsExpression()) {
      starExpressions();
    }
    return new Expr.Opaque("a yield", line);
  }

  Expr orTest() {
    return boolOp("or");
  }

  Expr boolOp(String op) {
    int line = peek().line();
    Expr first = op.equals("or") ? boolOp("and") : notTest();
    if (!peek().isName(op)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (acceptName(op)) {
      values.add(op.equals("or") ? boolOp("and") : notTest());
    }
    return new Expr.BoolOp(op, values, line);
  }

  Expr notTest() {
    if (peek().isName("not")) {
      int line = next().line();
      return new Expr.UnaryOp("not", notTest(), line);
    }
    return comparison();
  }

  Expr comparison() {
    int line = peek().line();
    Expr left = bitOr();
    List<String> ops = new ArrayList<>();
    List<Expr> rights = new ArrayList<>();
    while (true) {
      PyToken t = peek();
      String op;
      if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
        op = t.text();
        pos++;
      } else if (t.isName("in")) {
        op = "in";
        pos++;
      } else if (t.isName("not") && peek(1).isName("in")) {
        op = "not in";
        pos += 2;
      } else if (t.isName("is")) {
        pos++;
        op = acceptName("not") ? "is not" : "is";
      } else {
        break;
      }
      ops.add(op);
      rights.add(bitOr());
    }
    return ops.isEmpty() ? left : new Expr.Compare(left, ops, rights, line);
  }

  Expr bitOr() {
    return binary(0);
  }

  static final List<Set<String>> LEVELS = List.of(
      Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"), Set.of("+", "-"), Set.of("*", "/", "//", "%", "@"));

  Expr binary(int level) {
    if (level == LEVELS.size()) {
      return factor();
    }
    Expr left = binary(level + 1);
    while (peek().kind() == Kind.OP && LEVELS.get(level).contains(peek().text())) {
      PyToken op = next();
      left = new Expr.BinOp(op.text(), left, binary(level + 1), op.line());
    }
    return left;
  }

  Expr factor() {
    PyToken t = peek();
    if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
      pos++;
      return new Expr.UnaryOp(t.text(), factor(), t.line());
    }
    return power();
  }

  Expr power() {
    int line = peek().line();
    boolean await = acceptName("await");
    Expr base = primary();
    if (acceptOp("**")) {
      base = new Expr.BinOp("**", base, factor(), line);
    }
    return await ? new Expr.Opaque("an await", line) : base;
  }

  Expr primary() {
    return atomWithTrailers();
  }

  Expr atomWithTrailers() {
    PyToken first = peek();
    Expr e = atom();
    while (true) {
      PyToken t = peek();
      if (t.isOp(".")) {
        pos++;
        e = new Expr.Attribute(e, name(), t.line());
      } else if (t.isOp("(")) {
        e = call(e, first);
      } else if (t.isOp("[")) {
        pos++;
        Expr index = subscript();
        expectOp("]");
        e = new Expr.Subscript(e, index, t.line());
      } else {
        return e;
      }
    }
  }

  /** A call; {@code first} is the first token of its callee, where the call is placed. */
  Expr call(Expr function, PyToken first) {
    expectOp("(");
    List<Argument> args = new ArrayList<>();
    while (!peek().isOp(")")) {
      if (acceptOp("**")) {
        args.add(new Argument(null, 2, expression()));
      } else if (acceptOp("*")) {
        args.add(new Argument(null, 1, expression()));
      } else if (peek().kind() == Kind.NAME && peek(1).isOp("=")) {
        String keyword = next().text();
        pos++;
        args.add(new Argument(keyword, 0, expression()));
      } else {
        Expr value = namedExpression();
        if (peek().isName("for") || (peek().isName("async") && peek(1).isName("for"))) {
          value = new Expr.Comprehension(value, null, null, comprehension(), false, value.line());
        }
        args.add(new Argument(null, 0, value));
      }
      expectCommaOr(")");
    }
    expectOp(")");
    return new Expr.Call(function, args, first.line(), first.column());
  }

  Expr subscript() {
    int line = peek().line();
    List<Expr> items = new ArrayList<>();
    do {
      if (peek().isOp("]")) {
        break;
      }
      items.add(sliceItem());
    } while (acceptOp(","));
    return items.size() == 1 ? items.get(0) : new Expr.Sequence(Expr.SequenceKind.TUPLE, items, line);
  }

  Expr sliceItem() {
    int line = peek().line();
    Expr lower = null;
    if (!peek().isOp(":")) {
      lower = starExpression();
      if (!peek().isOp(":")) {
        return lower;
      }
    }
    pos++;
    if (!peek().isOp(":") && !peek().isOp(",") && !peek().isOp("]")) {
      expression();
    }
    if (acceptOp(":") && !peek().isOp(",") && !peek().isOp("]")) {
      expression();
    }
    return new Expr.Opaque("a slice", line);
  }

  Expr atom() {
    PyToken t = next();
    switch (t.kind()) {
      case NAME -> {
        if (Set.of("if", "else", "for", "in", "def", "class", "return", "import", "from", "lambda", "while",
            "with", "try", "except", "finally", "elif", "pass", "raise", "del", "global", "nonlocal", "assert",
            "break", "continue", "and", "or", "not", "is", "as", "yield").contains(t.text())) {
          pos--;
          throw error("unexpected '" + t.text() + "'");
        }
        return new Expr.Name(t.text(), t.line());
      }
      case NUMBER -> {
        return new Expr.Num(t.text(), t.line());
      }
      case STRING -> {
        return strings(t);
      }
      case OP -> {
        switch (t.text()) {
          case "(" -> {
            return parenthesized(t);
          }
          case "[" -> {
            return display(t, "]", Expr.SequenceKind.LIST);
          }
          case "{" -> {
            return braces(t);
          }
          case "..." -> {
            return new Expr.Opaque("an ellipsis", t.line());
          }
          default -> { }
        }
      }
      default -> { }
    }
    pos--;
    throw error("unexpected " + (t.kind() == Kind.NEWLINE ? "end of line" : "'" + t.text() + "'"));
  }

  /** Adjacent string literals, concatenated as Python does. */
  Expr strings(PyToken first) {
    List<PyToken> pieces = new ArrayList<>();
    pieces.add(first);
    while (peek().kind() == Kind.STRING) {
      pieces.add(next());
    }
    boolean anyF = false;
    boolean bytes = false;
    for (PyToken p : pieces) {
      String prefix = PyStrings.prefix(p.text());
      anyF |= prefix.contains("f");
      bytes |= prefix.contains("b");
    }
    if (!anyF) {
      StringBuilder value = new StringBuilder();
      for (PyToken p : pieces) {
        value.append(value(p));
      }
      return new Expr.Str(value.toString(), bytes, first.line());
    }
    List<Object> parts = new ArrayList<>();
    for (PyToken p : pieces) {
      String prefix = PyStrings.prefix(p.text());
      if (prefix.contains("f")) {
        int[] body = PyStrings.body(p.text());
        String text = p.text().substring(body[0], body[0] + body[1]);
        parts.addAll(PyStrings.fstring(text, prefix.contains("r"), file, p.line(), p.column()).parts());
      } else {
        parts.add(value(p));
      }
    }
    return new Expr.FString(parts, first.line());
  }

  static String value(PyToken p) {
    String prefix = PyStrings.prefix(p.text());
    int[] body = PyStrings.body(p.text());
    String text = p.text().substring(body[0], body[0] + body[1]);
    return prefix.contains("r") ? text : PyStrings.unescape(text, prefix.contains("b"));
  }

  Expr parenthesized(PyToken open) {
    if (acceptOp(")")) {
      return new Expr.Sequence(Expr.SequenceKind.TUPLE, List.of(), open.line());
    }
    if (peek().isName("yield")) {
      Expr y = yieldExpression();
      expectOp(")");
      return y;
    }
    Expr first = starExpression();
    if (peek().isName("for") || (peek().isName("async") && peek(1).isName("for"))) {
      List<Expr.Clause> clauses = comprehension();
      expectOp(")");
      return new Expr.Comprehension(first, null, null, clauses, false, open.line());
    }
    if (acceptOp(")")) {
      return first;
    }
    List<Expr> elements = new ArrayList<>();
    elements.add(first);
    while (acceptOp(",")) {
      if (peek().isOp(")")) {
        break;
      }
      elements.add(starExpression());
    }
    expectOp(")");
    return new Expr.Sequence(Expr.SequenceKind.TUPLE, elements, open.line());
  }

  Expr display(PyToken open, String close, Expr.SequenceKind kind) {
    List<Expr> elements = new ArrayList<>();
    while (!peek().isOp(close)) {
      Expr e = starExpression();
      if (peek().isName("for") || (peek().isName("async") && peek(1).isName("for"))) {
        List<Expr.Clause> clauses = comprehension();
        expectOp(close);
        return new Expr.Comprehension(e, null, null, clauses, false, open.line());
      }
      elements.add(e);
      expectCommaOr(close);
    }
    expectOp(close);
    return new Expr.Sequence(kind, elements, open.line());
  }

  Expr braces(PyToken open) {
    if (acceptOp("}")) {
      return new Expr.Dict(List.of(), List.of(), open.line());
    }
    if (!peek().isOp("**")) {
      int save = pos;
      Expr first = starExpression();
      if (!peek().isOp(":")) {
        pos = save;
        return display(open, "}", Expr.SequenceKind.SET);
      }
      pos = save;
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!peek().isOp("}")) {
      if (acceptOp("**")) {
        keys.add(null);
        values.add(bitOr());
      } else {
        keys.add(expression());
        expectOp(":");
        values.add(expression());
        if (peek().isName("for") || (peek().isName("async") && peek(1).isName("for"))) {
          List<Expr.Clause> clauses = comprehension();
          expectOp("}");
          return new Expr.Comprehension(null, keys.get(0), values.get(0), clauses, true, open.line());
        }
      }
      expectCommaOr("}");
    }
    expectOp("}");
    return new Expr.Dict(keys, values, open.line());
  }

  /** {@code for targets in iterable [if condition]…}, possibly nested. */
  List<Expr.Clause> comprehension() {
    List<Expr.Clause> clauses = new ArrayList<>();
    while (peek().isName("for") || (peek().isName("async") && peek(1).isName("for"))) {
      acceptName("async");
      expectName("for");
      Expr target = targetList();
      expectName("in");
      Expr iterable = orTest();
      List<Expr> conditions = new ArrayList<>();
      while (acceptName("if")) {
        PyToken t = peek();
        conditions.add(t.kind() == Kind.NAME && peek(1).isOp(":=") ? namedExpression() : orTest());
      }
      clauses.add(new Expr.Clause(target, iterable, conditions));
    }
    return clauses;
  }

  /** A for target: {@code x}, {@code a, b}, {@code (a, b)}: stops before {@code in}. */
  Expr targetList() {
    int line = peek().line();
    List<Expr> targets = new ArrayList<>();
    do {
      if (peek().isName("in")) {
        break;
      }
      targets.add(acceptOp("*") ? new Expr.Starred(bitOr(), line) : bitOr());
    } while (acceptOp(","));
    return targets.size() == 1 ? targets.get(0) : new Expr.Sequence(Expr.SequenceKind.TUPLE, targets, line);
  }
}
