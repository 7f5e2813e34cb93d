package io.migrationsafety.alembic.internal.python;

import java.util.List;

/** A Python expression, as far as the interpreter needs its shape. */
public sealed interface Expr {

  /** The one-based line the expression starts on. */
  int line();

  /** A name: {@code op}, {@code sa}, {@code True}. */
  record Name(String id, int line) implements Expr {}

  /** {@code value.attr}. */
  record Attribute(Expr value, String attr, int line) implements Expr {}

  /** A call, with its arguments in source order. */
  record Call(Expr function, List<Argument> arguments, int line, int column) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * One argument of a call.
   *
   * @param keyword its keyword, or {@code null} when positional
   * @param stars 1 for {@code *args}, 2 for {@code **kwargs}, else 0
   */
  record Argument(String keyword, int stars, Expr value) {}

  /** A string or bytes literal (implicit concatenation already applied). */
  record Str(String value, boolean bytes, int line) implements Expr {}

  /**
   * An f-string: literal text and replacement fields.
   *
   * @param parts {@link String} pieces and {@link Field}s, in order
   */
  record FString(List<Object> parts, int line) implements Expr {
    public FString {
      parts = List.copyOf(parts);
    }
  }

  /**
   * A replacement field of an f-string.
   *
   * @param conversion {@code r}, {@code s}, {@code a}, or 0
   * @param spec the format spec, or {@code null}
   */
  record Field(Expr value, char conversion, FString spec) {}

  /** A number literal, as written. */
  record Num(String text, int line) implements Expr {}

  /** A list, tuple or set display. */
  record Sequence(SequenceKind kind, List<Expr> elements, int line) implements Expr {
    public Sequence {
      elements = List.copyOf(elements);
    }
  }

  /** The kinds of sequence display. */
  enum SequenceKind { LIST, TUPLE, SET }

  /** A dict display; a {@code null} key stands for {@code **mapping}. */
  record Dict(List<Expr> keys, List<Expr> values, int line) implements Expr {
    public Dict {
      keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
      values = List.copyOf(values);
    }
  }

  /** A binary operation: {@code +}, {@code %}, {@code *}… */
  record BinOp(String op, Expr left, Expr right, int line) implements Expr {}

  /** A unary operation: {@code -}, {@code +}, {@code ~}, {@code not}. */
  record UnaryOp(String op, Expr operand, int line) implements Expr {}

  /** {@code and} / {@code or} over its operands. */
  record BoolOp(String op, List<Expr> values, int line) implements Expr {}

  /** A comparison chain: {@code a == b}, {@code a < b <= c}, {@code x not in y}. */
  record Compare(Expr left, List<String> ops, List<Expr> rights, int line) implements Expr {}

  /** {@code body if test else orElse}. */
  record IfExp(Expr test, Expr body, Expr orElse, int line) implements Expr {}

  /** {@code value[index]}. */
  record Subscript(Expr value, Expr index, int line) implements Expr {}

  /** {@code *value} in a display or assignment target. */
  record Starred(Expr value, int line) implements Expr {}

  /**
   * A list, set or dict comprehension, or a generator expression.
   *
   * @param element the element ({@code null} for a dict comprehension)
   * @param key the key of a dict comprehension, else {@code null}
   * @param value the value of a dict comprehension, else {@code null}
   * @param clauses its {@code for … in … if …} clauses, outermost first
   */
  record Comprehension(Expr element, Expr key, Expr value, List<Clause> clauses, boolean dict, int line)
      implements Expr {
    public Comprehension {
      clauses = List.copyOf(clauses);
    }
  }

  /** One {@code for target in iterable if condition…} clause of a comprehension. */
  record Clause(Expr target, Expr iterable, List<Expr> conditions) {
    public Clause {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * An expression the interpreter does not evaluate (lambda, slice, await, walrus, yield): parsed so that the file reads, then treated as unknown.
   *
   * @param what what kind of expression it is
   */
  record Opaque(String what, int line) implements Expr {}
}
