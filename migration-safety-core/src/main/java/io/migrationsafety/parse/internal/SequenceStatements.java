package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.AlterSequence;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE SEQUENCE} and {@code ALTER SEQUENCE}, as the PostgreSQL documentation pages
 * "SQL Commands: CREATE SEQUENCE" and "SQL Commands: ALTER SEQUENCE" give them (gram.y
 * {@code CreateSeqStmt}, {@code AlterSeqStmt}, {@code SeqOptElem}).
 *
 * <p>Options may come in any order; {@code OWNED BY} is kept apart from the others, which stay as
 * written. {@code RENAME TO}, {@code OWNER TO} and {@code SET SCHEMA} give the generic records.
 */
final class SequenceStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create sequence", "alter sequence");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    if (c.accept("create")) {
      // TEMP and UNLOGGED change where the sequence lives, not what it does to other objects.
      if (!c.accept("temporary") && !c.accept("temp")) {
        c.accept("unlogged");
      }
      c.expect("sequence");
      boolean ifNotExists = c.acceptIfNotExists();
      QualifiedName name = c.qualifiedName();
      Options options = options(c);
      c.expectEnd();
      return List.of(new CreateSequence(name, ifNotExists, options.text, options.ownedBy));
    }
    c.expect("alter", "sequence");
    boolean ifExists = c.acceptIfExists();
    QualifiedName name = c.qualifiedName();
    Operation operation;
    if (c.accept("rename", "to")) {
      operation = new Rename(ObjectType.SEQUENCE, name, c.name(), ifExists);
    } else if (c.accept("owner", "to")) {
      operation = new ChangeOwner(ObjectType.SEQUENCE, name, CommonClauses.role(c));
    } else if (c.accept("set", "schema")) {
      operation = new SetSchema(ObjectType.SEQUENCE, name, c.name());
    } else if (c.is("set", "logged") || c.is("set", "unlogged")) {
      int start = c.mark();
      c.next();
      c.next();
      operation = new AlterSequence(name, ifExists, c.textBetween(start, c.mark()), null);
    } else {
      Options options = options(c);
      if (options.text.isEmpty() && options.ownedBy == null) {
        throw c.fail("expected a sequence option");
      }
      operation = new AlterSequence(name, ifExists, options.text, options.ownedBy);
    }
    c.expectEnd();
    return List.of(operation);
  }

  private record Options(String text, String ownedBy) {}

  /**
   * Reads {@code SeqOptList} to the end of the statement. The text is the options as written
   * without {@code OWNED BY}; pieces on either side of it are joined by one space.
   */
  private static Options options(TokenCursor c) {
    List<String> pieces = new ArrayList<>();
    int pieceStart = c.mark();
    String ownedBy = null;
    while (!c.atEnd()) {
      int start = c.mark();
      if (c.accept("owned", "by")) {
        if (start > pieceStart) {
          pieces.add(c.textBetween(pieceStart, start));
        }
        int column = c.mark();
        c.qualifiedName(); // table.column, schema.table.column or NONE
        ownedBy = c.textBetween(column, c.mark());
        pieceStart = c.mark();
        continue;
      }
      option(c);
    }
    if (c.mark() > pieceStart) {
      pieces.add(c.textBetween(pieceStart, c.mark()));
    }
    return new Options(String.join(" ", pieces), ownedBy);
  }

  /** Reads one {@code SeqOptElem} other than {@code OWNED BY}. */
  private static void option(TokenCursor c) {
    if (c.accept("as")) {
      c.qualifiedName();
    } else if (c.accept("increment")) {
      c.accept("by");
      CommonClauses.numeric(c);
    } else if (c.accept("minvalue") || c.accept("maxvalue") || c.accept("cache")) {
      CommonClauses.numeric(c);
    } else if (c.accept("no", "minvalue") || c.accept("no", "maxvalue") || c.accept("no", "cycle")
        || c.accept("cycle")) {
      // no argument
    } else if (c.accept("start")) {
      c.accept("with");
      CommonClauses.numeric(c);
    } else if (c.accept("restart")) {
      // gram.y allows RESTART in CREATE SEQUENCE too, and PostgreSQL accepts it there.
      if (c.accept("with")) {
        CommonClauses.numeric(c);
      } else if (!c.atEnd() && (c.isSymbol("-") || c.isSymbol("+")
          || c.peek().type() == TokenType.NUMBER)) {
        CommonClauses.numeric(c);
      }
    } else {
      throw c.fail("expected a sequence option");
    }
  }
}
