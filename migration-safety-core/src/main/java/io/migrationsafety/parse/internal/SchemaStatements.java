package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AlterExtension;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import java.util.List;
import java.util.Set;

/**
 * Schemas and extensions, as the PostgreSQL documentation pages "SQL Commands: CREATE SCHEMA",
 * "ALTER SCHEMA", "CREATE EXTENSION" and "ALTER EXTENSION" give them (gram.y
 * {@code CreateSchemaStmt}, {@code CreateExtensionStmt}, {@code AlterExtensionStmt},
 * {@code AlterExtensionContentsStmt}).
 *
 * <p>{@code CREATE SCHEMA s CREATE TABLE …} (schema elements) is not modelled: each element is a
 * statement of its own that would need its own review.
 */
final class SchemaStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create schema", "alter schema", "create extension", "alter extension");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation operation;
    if (c.is("create", "schema")) {
      operation = createSchema(c);
    } else if (c.is("alter", "schema")) {
      operation = alterSchema(c);
    } else if (c.is("create", "extension")) {
      operation = createExtension(c);
    } else {
      operation = alterExtension(c);
    }
    c.expectEnd();
    return List.of(operation);
  }

  private static CreateSchema createSchema(TokenCursor c) {
    c.expect("create", "schema");
    boolean ifNotExists = c.acceptIfNotExists();
    String name = null;
    String authorization = null;
    if (c.accept("authorization")) {
      authorization = CommonClauses.role(c);
    } else {
      name = c.name();
      if (c.accept("authorization")) {
        authorization = CommonClauses.role(c);
      }
    }
    if (c.isAny("create", "grant")) {
      throw c.fail("schema elements in CREATE SCHEMA are not modelled: write each as a statement"
          + " of its own");
    }
    return new CreateSchema(name, ifNotExists, authorization);
  }

  private static Operation alterSchema(TokenCursor c) {
    c.expect("alter", "schema");
    QualifiedName name = QualifiedName.of(c.name());
    if (c.accept("rename", "to")) {
      return new Rename(ObjectType.SCHEMA, name, c.name(), false);
    }
    if (!c.accept("owner", "to")) {
      throw c.fail("expected RENAME TO or OWNER TO");
    }
    return new ChangeOwner(ObjectType.SCHEMA, name, CommonClauses.role(c));
  }

  private static CreateExtension createExtension(TokenCursor c) {
    c.expect("create", "extension");
    boolean ifNotExists = c.acceptIfNotExists();
    String name = c.name();
    c.accept("with");
    String schema = null;
    String version = null;
    boolean cascade = false;
    while (!c.atEnd()) {
      if (c.accept("schema")) {
        schema = c.name();
      } else if (c.accept("version")) {
        version = CommonClauses.wordOrString(c);
      } else if (c.accept("cascade")) {
        cascade = true;
      } else if (c.is("from")) {
        throw c.fail("CREATE EXTENSION … FROM is no longer supported by PostgreSQL");
      } else {
        throw c.fail("expected SCHEMA, VERSION or CASCADE");
      }
    }
    return new CreateExtension(name, ifNotExists, schema, version, cascade);
  }

  private static Operation alterExtension(TokenCursor c) {
    c.expect("alter", "extension");
    String name = c.name();
    if (c.accept("set", "schema")) {
      return new SetSchema(ObjectType.EXTENSION, QualifiedName.of(name), c.name());
    }
    int start = c.mark();
    if (c.accept("update")) {
      if (c.accept("to")) {
        CommonClauses.wordOrString(c);
      }
    } else if (c.accept("add") || c.accept("drop")) {
      // The member object: a kind of object, then its name in that kind's form, kept as written.
      ObjectKinds.read(c, true);
      if (c.rest().isEmpty()) {
        throw c.fail("expected the member object's name");
      }
    } else {
      throw c.fail("expected UPDATE, ADD, DROP or SET SCHEMA");
    }
    return new AlterExtension(name, c.textBetween(start, c.mark()));
  }
}
