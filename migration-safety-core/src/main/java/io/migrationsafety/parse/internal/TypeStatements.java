package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.AlterCompositeType;
import io.migrationsafety.operation.AlterDomain;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateDomain;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.DomainChange;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE TYPE}, {@code ALTER TYPE}, {@code CREATE DOMAIN} and {@code ALTER DOMAIN}
 * (SQL Commands of those names). {@code DROP TYPE} and {@code DROP DOMAIN} are read with the other
 * DROP statements.
 */
final class TypeStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create type", "alter type", "create domain", "alter domain");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation op;
    if (c.accept("create", "type")) {
      op = createType(c);
    } else if (c.accept("alter", "type")) {
      op = alterType(c);
    } else if (c.accept("create", "domain")) {
      op = createDomain(c);
    } else {
      c.expect("alter", "domain");
      op = alterDomain(c);
    }
    c.expectEnd();
    return List.of(op);
  }

  private static CreateType createType(TokenCursor c) {
    QualifiedName name = c.qualifiedName();
    if (c.atEnd()) {
      return new CreateType(name, TypeKind.SHELL, List.of(), List.of(), "");
    }
    if (c.isSymbol("(")) {
      return new CreateType(name, TypeKind.BASE, List.of(), List.of(), c.parenthesized().strip());
    }
    c.expect("as");
    if (c.accept("enum")) {
      c.expectSymbol("(");
      List<String> values = new ArrayList<>();
      if (!c.isSymbol(")")) {
        do {
          values.add(c.string());
        } while (c.acceptSymbol(","));
      }
      c.expectSymbol(")");
      return new CreateType(name, TypeKind.ENUM, values, List.of(), "");
    }
    if (c.accept("range")) {
      return new CreateType(name, TypeKind.RANGE, List.of(), List.of(), c.parenthesized().strip());
    }
    c.expectSymbol("(");
    List<ColumnDefinition> attributes = new ArrayList<>();
    if (!c.isSymbol(")")) {
      do {
        attributes.add(ColumnDefinitions.parse(c));
      } while (c.acceptSymbol(","));
    }
    c.expectSymbol(")");
    return new CreateType(name, TypeKind.COMPOSITE, List.of(), attributes, "");
  }

  private static Operation alterType(TokenCursor c) {
    QualifiedName name = c.qualifiedName();
    if (c.accept("add", "value")) {
      boolean ifNotExists = c.acceptIfNotExists();
      String value = c.string();
      String before = c.accept("before") ? c.string() : null;
      String after = before == null && c.accept("after") ? c.string() : null;
      return new AddEnumValue(name, value, ifNotExists, before, after);
    }
    if (c.accept("rename", "value")) {
      String value = c.string();
      c.expect("to");
      return new RenameEnumValue(name, value, c.string());
    }
    if (c.accept("rename", "to")) {
      return new Rename(ObjectType.TYPE, name, c.name(), false);
    }
    if (c.accept("owner", "to")) {
      return new ChangeOwner(ObjectType.TYPE, name, c.name());
    }
    if (c.accept("set", "schema")) {
      return new SetSchema(ObjectType.TYPE, name, c.name());
    }
    if (c.isAny("add", "drop", "alter") || c.is("rename", "attribute")) {
      return new AlterCompositeType(name, c.rest());
    }
    throw c.fail("unknown ALTER TYPE subcommand");
  }

  private static CreateDomain createDomain(TokenCursor c) {
    QualifiedName name = c.qualifiedName();
    c.accept("as");
    DataType type = DataTypes.parse(c);
    boolean notNull = false;
    SqlExpression defaultValue = null;
    List<ConstraintDefinition> checks = new ArrayList<>();
    while (!c.atEnd()) {
      String constraintName = c.accept("constraint") ? c.name() : null;
      if (c.accept("collate")) {
        c.qualifiedName();
      } else if (c.accept("default")) {
        defaultValue = ColumnDefinitions.expressionUntilConstraint(c);
      } else if (c.accept("not", "null")) {
        notNull = true;
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.accept("check")) {
        SqlExpression check = ExpressionAnalyzer.analyze(c.parenthesized());
        checks.add(Constraints.simple(constraintName, ConstraintKind.CHECK, List.of(), check));
      } else {
        throw c.fail("unexpected '" + c.peek().text() + "' in CREATE DOMAIN");
      }
    }
    return new CreateDomain(name, type, notNull, defaultValue, checks);
  }

  private static Operation alterDomain(TokenCursor c) {
    QualifiedName name = c.qualifiedName();
    int start = c.mark();
    if (c.accept("rename", "to")) {
      return new Rename(ObjectType.DOMAIN, name, c.name(), false);
    }
    if (c.accept("owner", "to")) {
      return new ChangeOwner(ObjectType.DOMAIN, name, c.name());
    }
    if (c.accept("set", "schema")) {
      return new SetSchema(ObjectType.DOMAIN, name, c.name());
    }
    DomainChange change;
    ConstraintDefinition constraint = null;
    if (c.accept("set", "default")) {
      change = DomainChange.SET_DEFAULT;
      ColumnDefinitions.expressionUntilConstraint(c);
    } else if (c.accept("drop", "default")) {
      change = DomainChange.DROP_DEFAULT;
    } else if (c.accept("set", "not", "null")) {
      change = DomainChange.SET_NOT_NULL;
    } else if (c.accept("drop", "not", "null")) {
      change = DomainChange.DROP_NOT_NULL;
    } else if (c.accept("add")) {
      change = DomainChange.ADD_CONSTRAINT;
      constraint = Constraints.tableConstraint(c);
    } else if (c.accept("drop", "constraint")) {
      change = DomainChange.DROP_CONSTRAINT;
      c.acceptIfExists();
      c.name();
      AlterTableActions.dropBehaviour(c);
    } else if (c.accept("rename", "constraint")) {
      change = DomainChange.RENAME_CONSTRAINT;
      c.name();
      c.expect("to");
      c.name();
    } else if (c.accept("validate", "constraint")) {
      change = DomainChange.VALIDATE_CONSTRAINT;
      c.name();
    } else {
      throw c.fail("unknown ALTER DOMAIN subcommand");
    }
    return new AlterDomain(name, change, constraint, c.textBetween(start, c.mark()));
  }
}
