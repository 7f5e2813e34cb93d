package io.migrationsafety.alembic.internal.python;

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
public final class PyParser extends PyExpressions {

  private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=",
      "&=", "|=", "^=", "@=");

  private PyParser(String file, List<PyToken> tokens) {
    super(file, tokens);
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
}
