package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ChangeRole;
import io.migrationsafety.operation.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Roles, as the PostgreSQL documentation pages "SQL Commands: CREATE ROLE", "ALTER ROLE",
 * "DROP ROLE" and their {@code USER} and {@code GROUP} aliases give them (gram.y
 * {@code CreateRoleStmt}, {@code AlterRoleStmt}, {@code AlterRoleSetStmt}, {@code AlterGroupStmt},
 * {@code RenameStmt}, {@code DropRoleStmt}).
 *
 * <p>Every option is checked; {@link ChangeRole#detail()} is the statement after the role names as
 * written ({@code IF EXISTS} for DROP). {@code ALTER ROLE ALL} names its roles {@code ALL}.
 * {@code CREATE|ALTER|DROP USER MAPPING} share the head but are not modelled.
 */
final class RoleStatements implements StatementFamily {

  private static final Set<String> FLAGS = Set.of(
      "superuser", "nosuperuser", "createdb", "nocreatedb", "createrole", "nocreaterole", "inherit",
      "noinherit", "login", "nologin", "replication", "noreplication", "bypassrls", "nobypassrls");

  @Override
  public Set<String> heads() {
    return Set.of("create role", "create user", "create group", "alter role", "alter user",
        "alter group", "drop role", "drop user", "drop group");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    String action = c.next().text().toUpperCase(Locale.ROOT);
    boolean group = c.is("group");
    if (c.is("user", "mapping")) {
      throw c.fail("USER MAPPING is not modelled");
    }
    c.next();
    ChangeRole change = switch (action) {
      case "CREATE" -> create(c);
      case "ALTER" -> alter(c, group);
      default -> drop(c);
    };
    c.expectEnd();
    return List.of(change);
  }

  private static ChangeRole create(TokenCursor c) {
    String role = CommonClauses.role(c);
    int start = c.mark();
    c.accept("with");
    options(c, true);
    return new ChangeRole("CREATE", List.of(role), redactPasswords(c.textBetween(start, c.mark())));
  }

  private static ChangeRole alter(TokenCursor c, boolean group) {
    String role = c.accept("all") ? "ALL" : CommonClauses.role(c);
    int start = c.mark();
    if (role.equals("ALL") && !c.is("in") && !c.isAny("set", "reset")) {
      throw c.fail("expected SET or RESET after ALTER ROLE ALL");
    }
    if (!role.equals("ALL") && c.accept("rename", "to")) {
      c.name();
    } else if (group && (c.accept("add", "user") || c.accept("drop", "user"))) {
      CommonClauses.roles(c);
    } else if (c.is("in", "database") || c.isAny("set", "reset")) {
      if (c.accept("in", "database")) {
        c.name();
      }
      setOrReset(c);
    } else {
      c.accept("with");
      options(c, false);
    }
    return new ChangeRole("ALTER", List.of(role), redactPasswords(c.textBetween(start, c.mark())));
  }

  /** {@code SET name {TO|=} value|DEFAULT}, {@code SET name FROM CURRENT}, {@code RESET name|ALL}. */
  private static void setOrReset(TokenCursor c) {
    if (c.accept("reset")) {
      CommonClauses.settingName(c);
      return;
    }
    c.expect("set");
    CommonClauses.settingName(c);
    if (c.accept("from", "current")) {
      return;
    }
    if (!c.accept("to") && !c.acceptSymbol("=")) {
      throw c.fail("expected TO, = or FROM CURRENT");
    }
    if (!c.accept("default")) {
      CommonClauses.settingValues(c);
    }
  }

  private static ChangeRole drop(TokenCursor c) {
    int start = c.mark();
    c.acceptIfExists();
    String ifExists = c.textBetween(start, c.mark());
    return new ChangeRole("DROP", CommonClauses.roles(c), ifExists);
  }

  /** {@code CreateOptRoleElem} / {@code AlterOptRoleElem}, to the end of the statement. */
  /**
   * Passwords never leave the parser: the literal after PASSWORD becomes {@code '***'}, so that no
   * report, log or exception can show it.
   */
  static String redactPasswords(String detail) {
    return PASSWORD_LITERAL.matcher(detail).replaceAll("$1'***'");
  }

  private static final java.util.regex.Pattern PASSWORD_LITERAL = java.util.regex.Pattern.compile(
      "(?i)(\\bPASSWORD\\s+)(?:[EeUu]&?)?('(?:[^']|'')*'|\\$([A-Za-z_][A-Za-z_0-9]*)?\\$.*?\\$\\3\\$)",
      java.util.regex.Pattern.DOTALL);

  private static void options(TokenCursor c, boolean create) {
    while (!c.atEnd()) {
      if (c.accept("password") || c.accept("encrypted", "password")) {
        if (!c.accept("null")) {
          c.string();
        }
      } else if (c.accept("connection", "limit")) {
        CommonClauses.numeric(c);
      } else if (c.accept("valid", "until")) {
        c.string();
      } else if (create && (c.accept("in", "role") || c.accept("in", "group") || c.accept("role")
          || c.accept("admin") || c.accept("user"))) {
        CommonClauses.roles(c);
      } else if (create && c.accept("sysid")) {
        CommonClauses.numeric(c);
      } else if (c.isAny(FLAGS.toArray(String[]::new))) {
        c.next();
      } else {
        throw c.fail("expected a role option");
      }
    }
  }
}
