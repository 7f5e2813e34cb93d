package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.ChangePrivileges;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GRANT}, {@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES}, as the PostgreSQL
 * documentation pages "SQL Commands: GRANT", "REVOKE" and "ALTER DEFAULT PRIVILEGES" give them
 * (gram.y {@code GrantStmt}, {@code RevokeStmt}, {@code GrantRoleStmt}, {@code RevokeRoleStmt},
 * {@code AlterDefaultPrivilegesStmt}).
 *
 * <p>Privileges are upper case ({@code TEMP} reads as {@code TEMPORARY}, {@code ALL PRIVILEGES} as
 * {@code ALL}); a column privilege keeps its columns: {@code SELECT (a, b)}. Without {@code ON} the
 * statement grants or revokes role membership. {@code GRANTED BY} names who is recorded as
 * grantor, which changes no one's access, and is checked but not kept; so are the
 * {@code FOR ROLE} owners of {@code ALTER DEFAULT PRIVILEGES}. {@code WITH INHERIT|SET} on role
 * membership is not modelled.
 */
final class PrivilegeStatements implements StatementFamily {

  private static final Set<String> PRIVILEGES = Set.of(
      "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN",
      "USAGE", "CREATE", "CONNECT", "TEMPORARY", "EXECUTE", "SET", "ALTER SYSTEM", "ALL");

  @Override
  public Set<String> heads() {
    return Set.of("grant", "revoke", "alter default");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation operation = c.is("alter") ? alterDefault(c) : grantOrRevoke(c);
    c.expectEnd();
    return List.of(operation);
  }

  /** One entry of the privilege (or role) list: its token, and its text as a privilege. */
  private record Item(Token token, String privilege, boolean plainName) {}

  /** What {@code ON …} names. */
  private record Target(ObjectType type, List<QualifiedName> objects, boolean allInSchema) {}

  private static ChangePrivileges grantOrRevoke(TokenCursor c) {
    boolean grant = c.accept("grant");
    if (!grant) {
      c.expect("revoke");
    }
    boolean grantOption = false;
    boolean adminOption = false;
    if (!grant) {
      if (c.accept("grant", "option", "for")) {
        grantOption = true;
      } else if (c.accept("admin", "option", "for")) {
        grantOption = true;
        adminOption = true;
      } else if (c.is("inherit", "option", "for") || c.is("set", "option", "for")) {
        throw c.fail("REVOKE INHERIT|SET OPTION FOR is not modelled");
      }
    }
    int itemsAt = c.mark();
    List<Item> items = items(c);
    if (adminOption || !c.accept("on")) {
      return roleMembership(c, grant, grantOption, items, itemsAt);
    }
    List<String> privileges = privileges(c, items, itemsAt);
    Target target = target(c);
    List<String> grantees = grantees(c, grant);
    if (grant && c.accept("with", "grant", "option")) {
      grantOption = true;
    }
    grantedBy(c);
    boolean cascade = !grant && CommonClauses.dropBehavior(c);
    return new ChangePrivileges(grant, privileges, target.type(), target.objects(), grantees, false,
        target.allInSchema(), grantOption, cascade);
  }

  private static ChangePrivileges roleMembership(TokenCursor c, boolean grant, boolean adminOption,
      List<Item> items, int itemsAt) {
    List<String> roles = new ArrayList<>();
    for (Item item : items) {
      if (!item.plainName()) {
        c.reset(itemsAt);
        throw c.fail("expected ON after the privileges, or role names to grant");
      }
      roles.add(item.token().identifier());
    }
    List<String> grantees = grantees(c, grant);
    if (grant && c.accept("with")) {
      do {
        if (c.accept("admin")) {
          adminOption = !c.accept("false");
          if (adminOption && !c.accept("option")) {
            c.expect("true");
          }
        } else if (c.isAny("inherit", "set")) {
          throw c.fail("GRANT … WITH INHERIT|SET is not modelled");
        } else {
          throw c.fail("expected ADMIN");
        }
      } while (c.acceptSymbol(","));
    }
    grantedBy(c);
    boolean cascade = !grant && CommonClauses.dropBehavior(c);
    return new ChangePrivileges(grant, roles, ObjectType.ROLE, List.of(), grantees, false, false,
        adminOption, cascade);
  }

  /** {@code privilege [(columns)] [, …]}, or role names: told apart by what follows. */
  private static List<Item> items(TokenCursor c) {
    List<Item> items = new ArrayList<>();
    do {
      Token first = c.peek();
      int start = c.mark();
      String privilege;
      if (c.accept("all")) {
        c.accept("privileges");
        privilege = "ALL";
      } else if (c.accept("alter", "system")) {
        privilege = "ALTER SYSTEM";
      } else {
        c.name();
        privilege = first.type() == TokenType.IDENTIFIER ? first.text().toUpperCase(Locale.ROOT) : null;
        if ("TEMP".equals(privilege)) {
          privilege = "TEMPORARY";
        }
      }
      // One name and nothing else: could be a role being granted.
      boolean plainName = c.mark() == start + 1 && !"ALL".equals(privilege);
      if (c.isSymbol("(")) {
        List<String> columns = new ArrayList<>();
        for (String column : c.parenthesizedNames()) {
          columns.add(QualifiedName.quote(column));
        }
        privilege = (privilege == null ? "" : privilege) + " (" + String.join(", ", columns) + ")";
        plainName = false;
      }
      items.add(new Item(first, privilege, plainName));
    } while (c.acceptSymbol(","));
    return items;
  }

  private static List<String> privileges(TokenCursor c, List<Item> items, int itemsAt) {
    List<String> privileges = new ArrayList<>();
    for (Item item : items) {
      String word = item.privilege() == null ? null : item.privilege().replaceFirst(" \\(.*", "");
      if (word == null || !PRIVILEGES.contains(word)) {
        c.reset(itemsAt);
        throw c.fail("'" + item.token().text() + "' is not a privilege");
      }
      privileges.add(item.privilege());
    }
    return privileges;
  }

  private static Target target(TokenCursor c) {
    if (c.accept("all")) {
      ObjectType type;
      if (c.accept("tables")) {
        type = ObjectType.TABLE;
      } else if (c.accept("sequences")) {
        type = ObjectType.SEQUENCE;
      } else if (c.accept("functions")) {
        type = ObjectType.FUNCTION;
      } else if (c.accept("procedures")) {
        type = ObjectType.PROCEDURE;
      } else if (c.accept("routines")) {
        type = ObjectType.ROUTINE;
      } else {
        throw c.fail("expected TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES");
      }
      c.expect("in", "schema");
      return new Target(type, CommonClauses.plainNames(c), true);
    }
    if (c.accept("sequence")) {
      return new Target(ObjectType.SEQUENCE, c.qualifiedNameList(), false);
    }
    if (c.isAny("function", "procedure", "routine")) {
      ObjectType type = ObjectType.valueOf(c.next().text().toUpperCase(Locale.ROOT));
      return new Target(type, CommonClauses.routines(c), false);
    }
    if (c.accept("database")) {
      return new Target(ObjectType.DATABASE, CommonClauses.plainNames(c), false);
    }
    if (c.accept("domain")) {
      return new Target(ObjectType.DOMAIN, c.qualifiedNameList(), false);
    }
    if (c.accept("type")) {
      return new Target(ObjectType.TYPE, c.qualifiedNameList(), false);
    }
    if (c.accept("foreign", "data", "wrapper")) {
      return new Target(ObjectType.OTHER, CommonClauses.plainNames(c), false);
    }
    if (c.accept("foreign", "server")) {
      return new Target(ObjectType.SERVER, CommonClauses.plainNames(c), false);
    }
    if (c.accept("language")) {
      return new Target(ObjectType.LANGUAGE, CommonClauses.plainNames(c), false);
    }
    if (c.accept("schema")) {
      return new Target(ObjectType.SCHEMA, CommonClauses.plainNames(c), false);
    }
    if (c.accept("tablespace")) {
      return new Target(ObjectType.TABLESPACE, CommonClauses.plainNames(c), false);
    }
    if (c.accept("large", "object")) {
      List<QualifiedName> oids = new ArrayList<>();
      do {
        oids.add(QualifiedName.of(CommonClauses.numeric(c)));
      } while (c.acceptSymbol(","));
      return new Target(ObjectType.LARGE_OBJECT, oids, false);
    }
    if (c.accept("parameter")) {
      List<QualifiedName> parameters = new ArrayList<>();
      do {
        parameters.add(QualifiedName.of(CommonClauses.settingName(c)));
      } while (c.acceptSymbol(","));
      return new Target(ObjectType.OTHER, parameters, false);
    }
    c.accept("table");
    return new Target(ObjectType.TABLE, c.qualifiedNameList(), false);
  }

  /** {@code TO|FROM [GROUP] role [, …]}. */
  private static List<String> grantees(TokenCursor c, boolean grant) {
    c.expect(grant ? "to" : "from");
    List<String> grantees = new ArrayList<>();
    do {
      c.accept("group");
      grantees.add(CommonClauses.role(c));
    } while (c.acceptSymbol(","));
    return grantees;
  }

  private static void grantedBy(TokenCursor c) {
    if (c.accept("granted", "by")) {
      CommonClauses.role(c);
    }
  }

  private static ChangePrivileges alterDefault(TokenCursor c) {
    c.expect("alter", "default", "privileges");
    List<QualifiedName> schemas = new ArrayList<>();
    while (true) {
      if (c.accept("in", "schema")) {
        schemas.addAll(CommonClauses.plainNames(c));
      } else if (c.accept("for", "role") || c.accept("for", "user")) {
        CommonClauses.roles(c);
      } else {
        break;
      }
    }
    boolean grant = c.accept("grant");
    if (!grant && !c.accept("revoke")) {
      throw c.fail("expected GRANT or REVOKE");
    }
    boolean grantOption = !grant && c.accept("grant", "option", "for");
    int itemsAt = c.mark();
    List<String> privileges = privileges(c, items(c), itemsAt);
    c.expect("on");
    ObjectType type;
    if (c.accept("tables")) {
      type = ObjectType.TABLE;
    } else if (c.accept("sequences")) {
      type = ObjectType.SEQUENCE;
    } else if (c.accept("functions")) {
      type = ObjectType.FUNCTION;
    } else if (c.accept("routines")) {
      type = ObjectType.ROUTINE;
    } else if (c.accept("types")) {
      type = ObjectType.TYPE;
    } else if (c.accept("schemas")) {
      type = ObjectType.SCHEMA;
    } else if (c.accept("large", "objects")) {
      type = ObjectType.LARGE_OBJECT;
    } else {
      throw c.fail("expected TABLES, SEQUENCES, FUNCTIONS, ROUTINES, TYPES, SCHEMAS or LARGE OBJECTS");
    }
    List<String> grantees = grantees(c, grant);
    if (grant && c.accept("with", "grant", "option")) {
      grantOption = true;
    }
    boolean cascade = !grant && CommonClauses.dropBehavior(c);
    return new ChangePrivileges(grant, privileges, type, schemas, grantees, true, !schemas.isEmpty(),
        grantOption, cascade);
  }
}
