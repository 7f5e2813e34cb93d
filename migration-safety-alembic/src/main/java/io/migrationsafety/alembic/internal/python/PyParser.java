package io.migrationsafety.alembic.internal.python;

import io.migrationsafety.alembic.internal.python.Expr.Argument;
import io.migrationsafety.alembic.internal.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Python 3.8–3.13 source into {@link Stmt}s: the full statement and expression grammar is
 * read (so that no valid file breaks it), and the shapes Alembic files use are kept. A statement
 * the grammar here does not cover (a {@code match} statement, a new syntax) is skipped with its
 * block and kept as {@link Stmt.Other}, so the interpreter can treat it as unknown.
 */
public final class PyParser {

  private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=");
  private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=",
      "&=", "|=", "^=", "@=");

  private final String file;
  private final List<PyToken> tokens;
  private int pos;

  private PyParser(String file, List<PyToken> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  /**
   * A parsed module.
   *
   * @param body its top-level statements
   * @param comments its comments
   */
  public record Module(List<Stmt> body, List<PyComment> comments) {}

  /** Parses a whole file. */
  public static Module parseModule(String source, String file) {
    PyTokenizer.Result tokenized = PyTokenizer.tokenize(source, file);
    PyParser parser = new PyParser(file, tokenized.tokens());
    List<Stmt> body = new ArrayList<>();
    while (parser.peek().kind() != Kind.END) {
      parser.statement(body);
    }
    return new Module(List.copyOf(body), tokenized.comments());
  }

  /** Parses one expression (an f-string field), reporting lines from {@code line}. */
  static Expr parseExpression(String source, String file, int line) {
    List<PyToken> raw = PyTokenizer.tokenize("(" + source + ")", file).tokens();
    List<PyToken> shifted = new ArrayList<>(raw.size());
    for (PyToken t : raw) {
      shifted.add(new PyToken(t.kind(), t.text(), t.line() + line - 1, t.column()));
    }
    PyParser parser = new PyParser(file, shifted);
    Expr e = parser.starExpressions();
    if (parser.peek().kind() != Kind.NEWLINE) {
      throw parser.error("an f-string field holds more than one expression");
    }
    return e;
  }

  // ---------------------------------------------------------------- statements

  private void statement(List<Stmt> out) {
    int start = pos;
    int size = out.size();
    try {
      compoundOrSimple(out);
    } catch (PySyntaxException e) {
      pos = start;
      out.subList(size, out.size()).clear(); // a line read in part is not kept
      PyToken first = peek();
      skipStatement();
      out.add(new Stmt.Other(first.isName("match") ? "a match statement" : "a statement not read: " + e.getMessage(),
          first.line()));
    }
  }

  /** Skips to the end of the logical line and the block that follows it. */
  private void skipStatement() {
    while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.END) {
      pos++;
    }
    accept(Kind.NEWLINE);
    if (peek().kind() == Kind.INDENT) {
      int depth = 0;
      do {
        if (peek().kind() == Kind.INDENT) {
          depth++;
        } else if (peek().kind() == Kind.DEDENT) {
          depth--;
        }
        pos++;
      } while (depth > 0 && peek().kind() != Kind.END);
    }
  }

  private void compoundOrSimple(List<Stmt> out) {
    PyToken t = peek();
    if (t.kind() == Kind.INDENT) {
      throw error("unexpected indentation");
    }
    if (t.isOp("@")) {
      List<Expr> decorators = new ArrayList<>();
      while (acceptOp("@")) {
        decorators.add(namedExpression());
        expect(Kind.NEWLINE, "a new line after a decorator");
      }
      if (peek().isName("async")) {
        pos++;
      }
      if (peek().isName("def")) {
        out.add(functionDef(decorators));
      } else if (peek().isName("class")) {
        out.add(classDef());
      } else {
        throw error("a decorator must be followed by def or class");
      }
      return;
    }
    if (t.isName("async") && (peek(1).isName("def") || peek(1).isName("for") || peek(1).isName("with"))) {
      pos++;
      compoundOrSimple(out);
      return;
    }
    if (t.kind() == Kind.NAME) {
      switch (t.text()) {
        case "def" -> {
          out.add(functionDef(List.of()));
          return;
        }
        case "class" -> {
          out.add(classDef());
          return;
        }
        case "if" -> {
          out.add(ifStatement());
          return;
        }
        case "for" -> {
          out.add(forStatement());
          return;
        }
        case "while" -> {
          pos++;
          Expr test = namedExpression();
          List<Stmt> body = block();
          out.add(new Stmt.While(test, body, elseBlock(), t.line()));
          return;
        }
        case "with" -> {
          out.add(withStatement());
          return;
        }
        case "try" -> {
          out.add(tryStatement());
          return;
        }
        default -> { }
      }
    }
    simpleStatements(out);
  }

  private Stmt functionDef(List<Expr> decorators) {
    PyToken def = expectName("def");
    String name = name();
    skipTypeParameters();
    expectOp("(");
    List<Stmt.Param> params = new ArrayList<>();
    while (!peek().isOp(")")) {
      if (acceptOp("/")) {
        expectCommaOr(")");
        continue;
      }
      int stars = acceptOp("**") ? 2 : acceptOp("*") ? 1 : 0;
      if (stars == 1 && (peek().isOp(",") || peek().isOp(")"))) {
        expectCommaOr(")");
        continue;
      }
      String param = name();
      if (acceptOp(":")) {
        stars = stars == 1 && acceptOp("*") ? 1 : stars; // *args: *Ts (3.11)
        expression();
      }
      Expr defaultValue = acceptOp("=") ? expression() : null;
      params.add(new Stmt.Param(param, defaultValue, stars));
      expectCommaOr(")");
    }
    expectOp(")");
    if (acceptOp("->")) {
      expression();
    }
    List<Stmt> body = block();
    return new Stmt.FunctionDef(name, params, body, decorators, def.line());
  }

  /** Python 3.12's {@code def f[T](…)} and {@code class C[T]}: read and dropped. */
  private void skipTypeParameters() {
    if (peek().isOp("[")) {
      skipBracketed();
    }
  }

  private void skipBracketed() {
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

  private Stmt classDef() {
    PyToken cls = expectName("class");
    String name = name();
    skipTypeParameters();
    if (peek().isOp("(")) {
      skipBracketed();
    }
    return new Stmt.ClassDef(name, block(), cls.line());
  }

  private Stmt ifStatement() {
    PyToken keyword = next(); // if or elif
    Expr test = namedExpression();
    List<Stmt> body = block();
    List<Stmt> orElse = List.of();
    if (peek().isName("elif")) {
      orElse = List.of(ifStatement());
    } else if (peek().isName("else")) {
      orElse = elseBlock();
    }
    return new Stmt.If(test, body, orElse, keyword.line());
  }

  private List<Stmt> elseBlock() {
    if (peek().isName("else")) {
      pos++;
      return block();
    }
    return List.of();
  }

  private Stmt forStatement() {
    PyToken keyword = expectName("for");
    Expr target = targetList();
    expectName("in");
    Expr iterable = starExpressions();
    List<Stmt> body = block();
    return new Stmt.For(target, iterable, body, elseBlock(), keyword.line());
  }

  /** A for target: {@code x}, {@code a, b}, {@code (a, b)}: stops before {@code in}. */
  private Expr targetList() {
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

  private Stmt withStatement() {
    PyToken keyword = expectName("with");
    List<Stmt.WithItem> items = new ArrayList<>();
    boolean parenthesized = peek().isOp("(") && parenthesizedWithItems();
    if (parenthesized) {
      expectOp("(");
    }
    do {
      if (parenthesized && peek().isOp(")")) {
        break;
      }
      Expr context = expression();
      Expr target = acceptName("as") ? bitOrTarget() : null;
      items.add(new Stmt.WithItem(context, target));
    } while (acceptOp(","));
    if (parenthesized) {
      expectOp(")");
    }
    return new Stmt.With(items, block(), keyword.line());
  }

  private Expr bitOrTarget() {
    if (peek().isOp("(") || peek().isOp("[")) {
      return atomWithTrailers();
    }
    return primary();
  }

  /** Whether {@code with (…)} holds with-items (3.10) rather than starting a parenthesized expression. */
  private boolean parenthesizedWithItems() {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      PyToken t = tokens.get(i);
      if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
        depth--;
        if (depth == 0) {
          return i + 1 < tokens.size() && tokens.get(i + 1).isOp(":")
              && hasTopLevelAsOrComma(pos + 1, i);
        }
      } else if (t.kind() == Kind.NEWLINE || t.kind() == Kind.END) {
        return false;
      }
    }
    return false;
  }

  private boolean hasTopLevelAsOrComma(int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      PyToken t = tokens.get(i);
      if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
        depth--;
      } else if (depth == 0 && (t.isName("as") || t.isOp(","))) {
        return true;
      }
    }
    return false;
  }

  private Stmt tryStatement() {
    PyToken keyword = expectName("try");
    List<Stmt> body = block();
    List<List<Stmt>> handlers = new ArrayList<>();
    while (peek().isName("except")) {
      pos++;
      acceptOp("*");
      if (!peek().isOp(":")) {
        expression();
        if (acceptOp(",")) {
          expression();
        }
        if (acceptName("as")) {
          name();
        }
      }
      handlers.add(block());
    }
    List<Stmt> orElse = elseBlock();
    List<Stmt> finalBody = List.of();
    if (acceptName("finally")) {
      finalBody = block();
    }
    return new Stmt.Try(body, handlers, orElse, finalBody, keyword.line());
  }

  /** {@code : NEWLINE INDENT statements DEDENT} or {@code : simple; statements NEWLINE}. */
  private List<Stmt> block() {
    expectOp(":");
    List<Stmt> body = new ArrayList<>();
    if (accept(Kind.NEWLINE)) {
      expect(Kind.INDENT, "an indented block");
      while (!accept(Kind.DEDENT)) {
        if (peek().kind() == Kind.END) {
          break;
        }
        statement(body);
      }
    } else {
      simpleStatements(body);
    }
    return body;
  }

  private void simpleStatements(List<Stmt> out) {
    do {
      if (peek().kind() == Kind.NEWLINE) {
        break;
      }
      out.add(simpleStatement());
    } while (acceptOp(";"));
    expect(Kind.NEWLINE, "the end of the line");
  }

  private Stmt simpleStatement() {
    PyToken t = peek();
    int line = t.line();
    if (t.kind() == Kind.NAME) {
      switch (t.text()) {
        case "pass" -> {
          pos++;
          return new Stmt.Pass(line);
        }
        case "break", "continue" -> {
          pos++;
          return new Stmt.Other(t.text(), line);
        }
        case "return" -> {
          pos++;
          Expr value = endOfSimple() ? null : starExpressions();
          return new Stmt.Return(value, line);
        }
        case "import" -> {
          return importStatement();
        }
        case "from" -> {
          return fromImport();
        }
        case "raise", "del", "global", "nonlocal", "assert" -> {
          pos++;
          while (!endOfSimple()) {
            skipExpressionPiece();
          }
          return new Stmt.Other(t.text(), line);
        }
        case "type" -> {
          if (peek(1).kind() == Kind.NAME && (peek(2).isOp("=") || peek(2).isOp("["))) {
            while (!endOfSimple()) {
              skipExpressionPiece();
            }
            return new Stmt.Other("a type alias", line);
          }
        }
        default -> { }
      }
    }
    Expr first = starExpressions();
    if (acceptOp(":")) {
      expression(); // the annotation
      Expr value = acceptOp("=") ? starExpressions() : null;
      return new Stmt.Assign(List.of(first), value, line);
    }
    if (peek().kind() == Kind.OP && AUGMENTED.contains(peek().text())) {
      String op = next().text();
      return new Stmt.AugAssign(first, op.substring(0, op.length() - 1), starExpressions(), line);
    }
    if (peek().isOp("=")) {
      List<Expr> targets = new ArrayList<>();
      Expr value = first;
      while (acceptOp("=")) {
        targets.add(value);
        value = peek().isName("yield") ? yieldExpression() : starExpressions();
      }
      return new Stmt.Assign(targets, value, line);
    }
    return new Stmt.ExprStmt(first, line);
  }

  private void skipExpressionPiece() {
    if (peek().isOp("(") || peek().isOp("[") || peek().isOp("{")) {
      skipBracketed();
    } else {
      pos++;
    }
  }

  private boolean endOfSimple() {
    return peek().kind() == Kind.NEWLINE || peek().isOp(";") || peek().kind() == Kind.END;
  }

  private Stmt importStatement() {
    int line = expectName("import").line();
    List<Stmt.Alias> names = new ArrayList<>();
    do {
      String module = dottedName();
      names.add(new Stmt.Alias(module, acceptName("as") ? name() : null));
    } while (acceptOp(","));
    return new Stmt.Import(names, line);
  }

  private Stmt fromImport() {
    int line = expectName("from").line();
    int level = 0;
    while (peek().isOp(".") || peek().isOp("...")) {
      level += next().text().length();
    }
    String module = peek().isName("import") ? "" : dottedName();
    expectName("import");
    List<Stmt.Alias> names = new ArrayList<>();
    if (acceptOp("*")) {
      names.add(new Stmt.Alias("*", null));
      return new Stmt.ImportFrom(module, level, names, line);
    }
    boolean parens = acceptOp("(");
    do {
      if (parens && peek().isOp(")")) {
        break;
      }
      String n = name();
      names.add(new Stmt.Alias(n, acceptName("as") ? name() : null));
    } while (acceptOp(","));
    if (parens) {
      expectOp(")");
    }
    return new Stmt.ImportFrom(module, level, names, line);
  }

  private String dottedName() {
    StringBuilder b = new StringBuilder(name());
    while (acceptOp(".")) {
      b.append('.').append(name());
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- expressions

  /** Comma-separated expressions, possibly starred: a tuple when there is a comma. */
  private Expr starExpressions() {
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

  private Expr starExpression() {
    int line = peek().line();
    if (acceptOp("*")) {
      return new Expr.Starred(bitOr(), line);
    }
    return namedExpression();
  }

  private boolean startsExpression() {
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
  private Expr namedExpression() {
    if (peek().kind() == Kind.NAME && peek(1).isOp(":=")) {
      int line = next().line();
      pos++;
      expression();
      return new Expr.Opaque("an assignment expression (:=)", line);
    }
    return expression();
  }

  private Expr expression() {
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

  private Expr yieldExpression() {
    int line = expectName("yield").line();
    if (acceptName("from")) {
      expression();
    } else if (startsExpression()) {
      starExpressions();
    }
    return new Expr.Opaque("a yield", line);
  }

  private Expr orTest() {
    return boolOp("or");
  }

  private Expr boolOp(String op) {
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

  private Expr notTest() {
    if (peek().isName("not")) {
      int line = next().line();
      return new Expr.UnaryOp("not", notTest(), line);
    }
    return comparison();
  }

  private Expr comparison() {
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

  private Expr bitOr() {
    return binary(0);
  }

  private static final List<Set<String>> LEVELS = List.of(
      Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"), Set.of("+", "-"), Set.of("*", "/", "//", "%", "@"));

  private Expr binary(int level) {
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

  private Expr factor() {
    PyToken t = peek();
    if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
      pos++;
      return new Expr.UnaryOp(t.text(), factor(), t.line());
    }
    return power();
  }

  private Expr power() {
    int line = peek().line();
    boolean await = acceptName("await");
    Expr base = primary();
    if (acceptOp("**")) {
      base = new Expr.BinOp("**", base, factor(), line);
    }
    return await ? new Expr.Opaque("an await", line) : base;
  }

  private Expr primary() {
    return atomWithTrailers();
  }

  private Expr atomWithTrailers() {
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
  private Expr call(Expr function, PyToken first) {
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

  private Expr subscript() {
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

  private Expr sliceItem() {
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

  private Expr atom() {
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
  private Expr strings(PyToken first) {
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

  private static String value(PyToken p) {
    String prefix = PyStrings.prefix(p.text());
    int[] body = PyStrings.body(p.text());
    String text = p.text().substring(body[0], body[0] + body[1]);
    return prefix.contains("r") ? text : PyStrings.unescape(text, prefix.contains("b"));
  }

  private Expr parenthesized(PyToken open) {
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

  private Expr display(PyToken open, String close, Expr.SequenceKind kind) {
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

  private Expr braces(PyToken open) {
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
  private List<Expr.Clause> comprehension() {
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

  // ---------------------------------------------------------------- tokens

  private PyToken peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private PyToken peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private PyToken next() {
    PyToken t = peek();
    if (pos < tokens.size()) {
      pos++;
    }
    return t;
  }

  private boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptOp(String op) {
    if (peek().isOp(op)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptName(String name) {
    if (peek().isName(name)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String what) {
    if (!accept(kind)) {
      throw error("expected " + what);
    }
  }

  private void expectOp(String op) {
    if (!acceptOp(op)) {
      throw error("expected '" + op + "'");
    }
  }

  private PyToken expectName(String name) {
    PyToken t = peek();
    if (!acceptName(name)) {
      throw error("expected '" + name + "'");
    }
    return t;
  }

  private void expectCommaOr(String close) {
    if (!acceptOp(",") && !peek().isOp(close)) {
      throw error("expected ',' or '" + close + "'");
    }
  }

  private String name() {
    PyToken t = peek();
    if (t.kind() != Kind.NAME) {
      throw error("expected a name");
    }
    pos++;
    return t.text();
  }

  private PySyntaxException error(String problem) {
    PyToken t = peek();
    String found = t.kind() == Kind.NEWLINE ? "end of line" : t.kind() == Kind.END ? "end of file" : "'" + t.text() + "'";
    return new PySyntaxException(file, t.line(), t.column(), problem + ", found " + found);
  }
}
