package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AlterFunction;
import io.migrationsafety.operation.Call;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateFunction;
import io.migrationsafety.operation.DoBlock;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions and procedures, as the PostgreSQL documentation pages "SQL Commands: CREATE FUNCTION",
 * "CREATE PROCEDURE", "ALTER FUNCTION", "ALTER PROCEDURE", "ALTER ROUTINE", "DO" and "CALL" give
 * them (gram.y {@code CreateFunctionStmt}, {@code AlterFunctionStmt}, {@code DoStmt},
 * {@code CallStmt}).
 *
 * <p>Attributes may come in any order and are each checked. The body is the string after
 * {@code AS} (its value), both strings as written for {@code AS 'obj_file', 'link_symbol'}, or the
 * SQL-standard body as written ({@code BEGIN ATOMIC … END} or {@code RETURN expr}, whose language
 * is {@code sql}). The argument list and the {@code RETURNS} type are kept as written.
 */
final class RoutineStatements implements StatementFamily {

  /** The words that start a routine attribute, which end the {@code RETURNS} type. */
  private static final Set<String> ATTRIBUTE_WORDS = Set.of(
      "language", "transform", "window", "immutable", "stable", "volatile", "not", "leakproof",
      "called", "returns", "strict", "external", "security", "parallel", "cost", "rows", "support",
      "set", "reset", "as", "return", "begin");

  @Override
  public Set<String> heads() {
    return Set.of("create function", "create procedure", "alter function", "alter procedure",
        "alter routine", "do", "call");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation operation;
    if (c.is("create")) {
      operation = create(c);
    } else if (c.is("alter")) {
      operation = alter(c);
    } else if (c.accept("do")) {
      operation = doBlock(c);
    } else {
      c.expect("call");
      QualifiedName procedure = c.qualifiedName();
      if (!c.isSymbol("(")) {
        throw c.fail("expected the argument list");
      }
      operation = new Call(procedure, c.parenthesized());
    }
    c.expectEnd();
    return List.of(operation);
  }

  /** What the attributes of one statement said. */
  private static final class Attributes {
    Volatility volatility = Volatility.VOLATILE;
    String language;
    String body;
    boolean standardBody;
  }

  private static CreateFunction create(TokenCursor c) {
    c.expect("create");
    boolean orReplace = c.accept("or", "replace");
    ObjectType type = routineType(c, false);
    QualifiedName name = c.qualifiedName();
    if (!c.isSymbol("(")) {
      throw c.fail("expected the argument list");
    }
    String arguments = c.parenthesized();
    String returns = null;
    // RETURNS NULL ON NULL INPUT is an attribute, not a return type.
    if (type == ObjectType.FUNCTION && c.is("returns") && !c.is("returns", "null")) {
      c.next();
      returns = c.textUntil(RoutineStatements::atAttribute);
      if (returns.isBlank()) {
        throw c.fail("expected the return type");
      }
    }
    Attributes a = new Attributes();
    while (!c.atEnd()) {
      if (a.body != null && !a.standardBody && (c.is("as") || c.is("begin", "atomic") || c.is("return"))) {
        throw c.fail("a routine has one body");
      }
      if (c.accept("language")) {
        a.language = CommonClauses.wordOrString(c).toLowerCase(Locale.ROOT);
      } else if (c.accept("as")) {
        int start = c.mark();
        a.body = c.string();
        if (c.acceptSymbol(",")) {
          c.string();
          a.body = c.textBetween(start, c.mark());
        }
      } else if (c.is("begin", "atomic") || c.is("return")) {
        standardBody(c, a);
      } else if (c.accept("transform")) {
        do {
          c.expect("for", "type");
          if (c.textUntil(x -> x.isSymbol(",") || atAttribute(x)).isBlank()) {
            throw c.fail("expected a type name");
          }
        } while (c.acceptSymbol(","));
      } else if (!c.accept("window") && !commonAttribute(c, a)) {
        throw c.fail("expected a routine attribute");
      }
    }
    if (a.body == null) {
      throw c.fail("expected the routine's body (AS, BEGIN ATOMIC or RETURN)");
    }
    String language = a.language == null && a.standardBody ? "sql" : a.language;
    return new CreateFunction(type, name, orReplace, arguments, returns, language, a.volatility, a.body);
  }

  /** Whether the current token is a key word that starts a routine attribute. */
  private static boolean atAttribute(TokenCursor c) {
    Token t = c.peek();
    return t.type() == TokenType.IDENTIFIER && ATTRIBUTE_WORDS.contains(t.text().toLowerCase(Locale.ROOT));
  }

  /**
   * {@code BEGIN ATOMIC … END} or {@code RETURN expr}: the SQL-standard body, which gram.y puts
   * after every other attribute, so it runs to the end of the statement.
   */
  private static void standardBody(TokenCursor c, Attributes a) {
    boolean atomic = c.is("begin");
    int start = c.mark();
    c.next();
    String rest = c.rest();
    c.expectEnd();
    if (atomic ? !c.peek(-1).is("end") : rest.isBlank()) {
      throw c.fail(atomic ? "expected END closing BEGIN ATOMIC" : "expected the RETURN expression");
    }
    a.body = c.textBetween(start, c.mark());
    a.standardBody = true;
  }

  /**
   * Reads one attribute that CREATE and ALTER share ({@code common_func_opt_item} and
   * {@code FunctionSetResetClause}); says whether there was one.
   */
  private static boolean commonAttribute(TokenCursor c, Attributes a) {
    if (c.isAny("immutable", "stable", "volatile")) {
      a.volatility = Volatility.valueOf(c.next().text().toUpperCase(Locale.ROOT));
    } else if (c.accept("called", "on", "null", "input") || c.accept("returns", "null", "on", "null", "input")
        || c.accept("strict") || c.accept("leakproof") || c.accept("not", "leakproof")) {
      return true;
    } else if (c.accept("external", "security") || c.accept("security")) {
      if (!c.accept("definer")) {
        c.expect("invoker");
      }
    } else if (c.accept("parallel")) {
      if (!c.accept("safe") && !c.accept("restricted")) {
        c.expect("unsafe");
      }
    } else if (c.accept("cost") || c.accept("rows")) {
      CommonClauses.numeric(c);
    } else if (c.accept("support")) {
      c.qualifiedName();
    } else if (c.accept("set")) {
      CommonClauses.settingName(c);
      if (c.accept("from", "current")) {
        return true;
      }
      if (!c.accept("to") && !c.acceptSymbol("=")) {
        throw c.fail("expected TO, = or FROM CURRENT");
      }
      if (!c.accept("default")) {
        CommonClauses.settingValues(c);
      }
    } else if (c.accept("reset")) {
      CommonClauses.settingName(c);
    } else {
      return false;
    }
    return true;
  }

  private static Operation alter(TokenCursor c) {
    c.expect("alter");
    ObjectType type = routineType(c, true);
    QualifiedName name = CommonClauses.routine(c);
    if (c.accept("rename", "to")) {
      return new Rename(type, name, c.name(), false);
    }
    if (c.accept("owner", "to")) {
      return new ChangeOwner(type, name, CommonClauses.role(c));
    }
    if (c.accept("set", "schema")) {
      return new SetSchema(type, name, c.name());
    }
    int start = c.mark();
    if (c.is("depends") || c.is("no", "depends")) {
      c.accept("no");
      c.expect("depends", "on", "extension");
      c.name();
    } else {
      Attributes ignored = new Attributes();
      do {
        if (!commonAttribute(c, ignored)) {
          throw c.fail("expected an ALTER " + type.sql() + " action");
        }
      } while (!c.atEnd() && !c.is("restrict"));
      c.accept("restrict");
    }
    return new AlterFunction(type, name, c.textBetween(start, c.mark()));
  }

  private static ObjectType routineType(TokenCursor c, boolean alter) {
    if (c.accept("function")) {
      return ObjectType.FUNCTION;
    }
    if (c.accept("procedure")) {
      return ObjectType.PROCEDURE;
    }
    if (alter && c.accept("routine")) {
      return ObjectType.ROUTINE;
    }
    throw c.fail(alter ? "expected FUNCTION, PROCEDURE or ROUTINE" : "expected FUNCTION or PROCEDURE");
  }

  /** {@code DO [LANGUAGE lang] 'code'}, the two in either order. */
  private static DoBlock doBlock(TokenCursor c) {
    String language = null;
    String body = null;
    while (!c.atEnd()) {
      if (language == null && c.accept("language")) {
        language = CommonClauses.wordOrString(c).toLowerCase(Locale.ROOT);
      } else if (body == null && c.isString()) {
        body = c.string();
      } else if (body == null) {
        throw c.fail("expected the code block");
      } else {
        c.expectEnd();
      }
    }
    if (body == null) {
      throw c.fail("expected the code block");
    }
    return new DoBlock(language == null ? "plpgsql" : language, body);
  }
}
