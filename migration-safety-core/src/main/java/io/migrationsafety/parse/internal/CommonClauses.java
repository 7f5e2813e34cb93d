package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Small pieces of PostgreSQL's grammar (src/backend/parser/gram.y) that several statement families
 * share: numbers, role names, routine signatures, drop behaviour, configuration settings.
 */
final class CommonClauses {

  private CommonClauses() {}

  /** Reads {@code NumericOnly}: a number with an optional sign; returns it as written. */
  static String numeric(TokenCursor c) {
    int start = c.mark();
    if (c.isSymbol("-") || c.isSymbol("+")) {
      c.next();
    }
    Token t = c.peek();
    if (t == null || t.type() != TokenType.NUMBER) {
      c.reset(start);
      throw c.fail("expected a number");
    }
    c.next();
    return c.textBetween(start, c.mark());
  }

  /**
   * Reads a role specification ({@code RoleSpec}: a role name, {@code CURRENT_USER},
   * {@code CURRENT_ROLE}, {@code SESSION_USER}, or {@code PUBLIC} where allowed), as PostgreSQL
   * resolves the name.
   */
  static String role(TokenCursor c) {
    if (c.isString()) {
      throw c.fail("expected a role name");
    }
    return c.name();
  }

  /** Reads {@code role [, role …]}. */
  static List<String> roles(TokenCursor c) {
    List<String> roles = new ArrayList<>();
    do {
      roles.add(role(c));
    } while (c.acceptSymbol(","));
    return roles;
  }

  /** Reads {@code name [, name …]} of objects that live in no schema. */
  static List<QualifiedName> plainNames(TokenCursor c) {
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(QualifiedName.of(c.name()));
    } while (c.acceptSymbol(","));
    return names;
  }

  /**
   * Reads a routine as DROP, ALTER, GRANT and COMMENT name it ({@code function_with_argtypes}):
   * {@code [schema.]name [( argument types )]}. The argument types only pick an overload, which
   * this library does not track, so they are checked for balance and left out.
   */
  static QualifiedName routine(TokenCursor c) {
    QualifiedName name = c.qualifiedName();
    if (c.isSymbol("(")) {
      c.parenthesized();
    }
    return name;
  }

  /** Reads {@code [schema.]name[(args)] [, …]}. */
  static List<QualifiedName> routines(TokenCursor c) {
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(routine(c));
    } while (c.acceptSymbol(","));
    return names;
  }

  /** Reads an optional {@code CASCADE | RESTRICT}; says whether it was {@code CASCADE}. */
  static boolean dropBehavior(TokenCursor c) {
    if (c.accept("cascade")) {
      return true;
    }
    c.accept("restrict");
    return false;
  }

  /** Reads {@code NonReservedWord_or_Sconst}: a word (resolved as a name) or a string constant. */
  static String wordOrString(TokenCursor c) {
    return c.isString() ? c.string() : c.name();
  }

  /** Reads a configuration parameter name ({@code var_name}: {@code name[.name …]}), lower-cased. */
  static String settingName(TokenCursor c) {
    StringBuilder name = new StringBuilder(c.name());
    while (c.isSymbol(".") && c.peek(1) != null && c.peek(1).isName()) {
      c.next();
      name.append('.').append(c.name());
    }
    return name.toString();
  }

  /**
   * Reads a setting's value list ({@code var_list}: words, strings and numbers separated by
   * commas) and returns it as written.
   */
  static String settingValues(TokenCursor c) {
    int start = c.mark();
    do {
      Token t = c.peek();
      if (t != null && (t.isName() || t.type() == TokenType.STRING)) {
        c.next();
      } else {
        numeric(c);
      }
    } while (c.acceptSymbol(","));
    return c.textBetween(start, c.mark());
  }
}
