package io.migrationsafety.alembic.internal.python;

import java.util.List;

/** A Python statement, as far as the interpreter needs its shape. */
public sealed interface Stmt {

  /** The one-based line the statement starts on. */
  int line();

  /** An expression used as a statement (usually a call). */
  record ExprStmt(Expr value, int line) implements Stmt {}

  /** {@code a = b = value}; also an annotated assignment (its value may be {@code null}). */
  record Assign(List<Expr> targets, Expr value, int line) implements Stmt {
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code target += value} and the like. */
  record AugAssign(Expr target, String op, Expr value, int line) implements Stmt {}

  /** {@code import a.b as c, d}. */
  record Import(List<Alias> names, int line) implements Stmt {
    public Import {
      names = List.copyOf(names);
    }
  }

  /** {@code from module import a as b} ({@code level} counts leading dots). */
  record ImportFrom(String module, int level, List<Alias> names, int line) implements Stmt {
    public ImportFrom {
      names = List.copyOf(names);
    }
  }

  /** One imported name; {@code asName} is {@code null} without {@code as}. */
  record Alias(String name, String asName) {}

  /** {@code def name(params): body}, with its decorators. */
  record FunctionDef(String name, List<Param> params, List<Stmt> body, List<Expr> decorators, int line)
      implements Stmt {
    public FunctionDef {
      params = List.copyOf(params);
      body = List.copyOf(body);
      decorators = List.copyOf(decorators);
    }
  }

  /**
   * A parameter: its name, its default ({@code null} when none) and its stars ({@code *args} 1,
   * {@code **kw} 2).
   */
  record Param(String name, Expr defaultValue, int stars) {}

  /** {@code class Name(bases): body}. */
  record ClassDef(String name, List<Stmt> body, int line) implements Stmt {
    public ClassDef {
      body = List.copyOf(body);
    }
  }

  /** {@code if test: body else: orElse} ({@code elif} nests in {@code orElse}). */
  record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt {
    public If {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code for target in iterable: body else: orElse}. */
  record For(Expr target, Expr iterable, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt {
    public For {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code while test: body}. */
  record While(Expr test, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt {
    public While {
      body = List.copyOf(body);
      orElse = List.copyOf(orElse);
    }
  }

  /** {@code with a as x, b: body}. */
  record With(List<WithItem> items, List<Stmt> body, int line) implements Stmt {
    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** One context manager of a {@code with}; {@code target} is {@code null} without {@code as}. */
  record WithItem(Expr context, Expr target) {}

  /** {@code try}, its handlers' bodies, {@code else} and {@code finally}. */
  record Try(List<Stmt> body, List<List<Stmt>> handlers, List<Stmt> orElse, List<Stmt> finalBody, int line)
      implements Stmt {
    public Try {
      body = List.copyOf(body);
      handlers = handlers.stream().map(List::copyOf).toList();
      orElse = List.copyOf(orElse);
      finalBody = List.copyOf(finalBody);
    }
  }

  /** {@code return value} ({@code value} may be {@code null}). */
  record Return(Expr value, int line) implements Stmt {}

  /** {@code pass}. */
  record Pass(int line) implements Stmt {}

  /**
   * A statement that is kept but not interpreted: {@code raise}, {@code del}, {@code global},
   * {@code assert}, {@code break}, {@code match} … or a line the parser could not read, skipped
   * with its block.
   *
   * @param what what it is ({@code raise}, {@code match statement}, or why it was not read)
   */
  record Other(String what, int line) implements Stmt {}
}
