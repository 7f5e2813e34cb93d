package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code DROP} of every kind of object except roles (which {@link RoleStatements} reads), as the
 * PostgreSQL documentation pages "SQL Commands: DROP TABLE", "DROP INDEX", "DROP VIEW",
 * "DROP FUNCTION", "DROP TRIGGER", "DROP CAST", "DROP OPERATOR", "DROP DATABASE" and their
 * siblings give it: {@code DROP kind [CONCURRENTLY] [IF EXISTS] names [CASCADE | RESTRICT]}.
 *
 * <p>Routine argument lists only choose an overload and are left out of the name; a cast is named
 * by its {@code source AS target} text, an operator by its symbol, a transform by its
 * {@code type LANGUAGE lang} text. {@code DROP OWNED BY} and {@code DROP DATABASE … WITH (FORCE)}
 * are not modelled.
 */
final class DropStatements implements StatementFamily {

  /** The statements with a grammar of their own, which name one object and take no CASCADE. */
  private static final Set<ObjectType> NO_BEHAVIOR = Set.of(ObjectType.DATABASE, ObjectType.TABLESPACE);

  @Override
  public Set<String> heads() {
    return Set.of("drop");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    c.expect("drop");
    if (c.is("owned")) {
      throw c.fail("DROP OWNED BY is not modelled: which objects it drops depends on who owns what"
          + " in the database");
    }
    ObjectKinds.Kind kind = ObjectKinds.read(c, true);
    ObjectType type = kind.type();
    boolean concurrently = type == ObjectType.INDEX && c.accept("concurrently");
    boolean ifExists = c.acceptIfExists();
    List<QualifiedName> names = new ArrayList<>();
    QualifiedName onTable = null;
    switch (kind.shape()) {
      case QUALIFIED -> names.addAll(c.qualifiedNameList());
      case PLAIN -> {
        if (type == ObjectType.DATABASE || type == ObjectType.TABLESPACE || type == ObjectType.SUBSCRIPTION) {
          names.add(QualifiedName.of(c.name()));
        } else {
          names.addAll(CommonClauses.plainNames(c));
        }
      }
      case ROUTINE -> names.addAll(CommonClauses.routines(c));
      case ON_TABLE -> {
        names.add(QualifiedName.of(c.name()));
        c.expect("on");
        onTable = c.qualifiedName();
      }
      case CAST -> names.add(QualifiedName.of(cast(c)));
      case OPERATOR -> {
        do {
          names.add(operator(c));
        } while (c.acceptSymbol(","));
      }
      case USING_METHOD -> {
        names.add(c.qualifiedName());
        c.expect("using");
        c.name();
      }
      case TRANSFORM -> names.add(QualifiedName.of(transform(c)));
      default -> throw new IllegalStateException("unexpected shape " + kind.shape());
    }
    if (type == ObjectType.DATABASE && (c.is("with") || c.isSymbol("("))) {
      throw c.fail("DROP DATABASE with options (FORCE) is not modelled");
    }
    boolean cascade = !NO_BEHAVIOR.contains(type) && CommonClauses.dropBehavior(c);
    c.expectEnd();
    return List.of(new Drop(type, names, ifExists, cascade, concurrently, onTable));
  }

  /** {@code ( source_type AS target_type )}, returned as written inside the parentheses. */
  private static String cast(TokenCursor c) {
    c.expectSymbol("(");
    int start = c.mark();
    if (c.textUntil(x -> x.is("as")).isEmpty()) {
      throw c.fail("expected the source type of the cast");
    }
    c.expect("as");
    if (c.textUntil(x -> false).isEmpty()) {
      throw c.fail("expected the target type of the cast");
    }
    String types = c.textBetween(start, c.mark());
    c.expectSymbol(")");
    return types;
  }

  /** {@code [schema.]op ( left_type | NONE , right_type )}; the types only pick an overload. */
  private static QualifiedName operator(TokenCursor c) {
    String schema = null;
    if (c.isName() && c.peek(1) != null && c.peek(1).isSymbol(".")) {
      schema = c.name();
      c.expectSymbol(".");
    }
    Token t = c.peek();
    if (t == null || t.type() != TokenType.OPERATOR) {
      throw c.fail("expected an operator");
    }
    c.next();
    c.parenthesized();
    return QualifiedName.of(schema, t.text());
  }

  /** {@code FOR type_name LANGUAGE lang_name}, returned as written after FOR. */
  private static String transform(TokenCursor c) {
    c.expect("for");
    int start = c.mark();
    String type = c.textUntil(x -> x.is("language"));
    if (type.isEmpty()) {
      throw c.fail("expected a type name");
    }
    c.expect("language");
    c.name();
    return c.textBetween(start, c.mark());
  }
}
