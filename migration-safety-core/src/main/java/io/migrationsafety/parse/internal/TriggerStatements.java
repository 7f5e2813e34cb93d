package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.CreatePolicy;
import io.migrationsafety.operation.CreateTrigger;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Rename;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Triggers and row-level security policies, as the PostgreSQL documentation pages
 * "SQL Commands: CREATE TRIGGER", "ALTER TRIGGER", "CREATE POLICY" and "ALTER POLICY" give them
 * (gram.y {@code CreateTrigStmt}, {@code RenameStmt}, {@code CreatePolicyStmt},
 * {@code AlterPolicyStmt}).
 *
 * <p>Every clause of CREATE TRIGGER is checked in gram.y's order; the record keeps what decides
 * locks and behaviour on writes (table, timing, events, function). {@code ALTER POLICY} other than
 * {@code RENAME} changes who sees which rows, and no operation record carries such a change, so it
 * is reported as not understood rather than passed off as something else.
 */
final class TriggerStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("create trigger", "alter trigger", "create policy", "alter policy");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    Operation operation;
    if (c.is("alter")) {
      operation = alter(c);
    } else if (c.is("create", "policy")) {
      operation = createPolicy(c);
    } else {
      operation = createTrigger(c);
    }
    c.expectEnd();
    return List.of(operation);
  }

  private static CreateTrigger createTrigger(TokenCursor c) {
    c.expect("create");
    boolean orReplace = c.accept("or", "replace");
    boolean constraint = c.accept("constraint");
    c.expect("trigger");
    String name = c.name();
    int timingAt = c.mark();
    String timing;
    if (c.accept("before")) {
      timing = "BEFORE";
    } else if (c.accept("after")) {
      timing = "AFTER";
    } else if (c.accept("instead", "of")) {
      timing = "INSTEAD OF";
    } else {
      throw c.fail("expected BEFORE, AFTER or INSTEAD OF");
    }
    if (constraint && !timing.equals("AFTER")) {
      c.reset(timingAt);
      throw c.fail("a constraint trigger fires AFTER");
    }
    List<String> events = new ArrayList<>();
    do {
      events.add(event(c));
    } while (c.accept("or"));
    c.expect("on");
    QualifiedName table = c.qualifiedName();
    if (constraint) {
      if (c.accept("from")) {
        c.qualifiedName();
      }
      while (c.accept("deferrable") || c.accept("not", "deferrable")
          || c.accept("initially", "deferred") || c.accept("initially", "immediate")) {
        // Deferral only says when the trigger fires; it locks nothing else.
      }
      c.expect("for", "each", "row");
    } else {
      if (c.accept("referencing")) {
        do {
          if (!c.accept("old") && !c.accept("new")) {
            throw c.fail("expected OLD TABLE or NEW TABLE");
          }
          c.expect("table");
          c.accept("as");
          c.name();
        } while (c.isAny("old", "new"));
      }
      if (c.accept("for")) {
        c.accept("each");
        if (!c.accept("row")) {
          c.expect("statement");
        }
      }
    }
    if (c.accept("when")) {
      c.parenthesized();
    }
    c.expect("execute");
    if (!c.accept("function")) {
      c.expect("procedure");
    }
    QualifiedName function = c.qualifiedName();
    if (!c.isSymbol("(")) {
      throw c.fail("expected the trigger function's arguments");
    }
    c.parenthesized();
    return new CreateTrigger(name, table, orReplace, constraint, timing, events, function);
  }

  /** {@code INSERT | DELETE | TRUNCATE | UPDATE [OF column, …]}; the columns are checked, not kept. */
  private static String event(TokenCursor c) {
    if (!c.isAny("insert", "update", "delete", "truncate")) {
      throw c.fail("expected INSERT, UPDATE, DELETE or TRUNCATE");
    }
    String event = c.next().text().toUpperCase(Locale.ROOT);
    if (event.equals("UPDATE") && c.accept("of")) {
      do {
        c.name();
      } while (c.acceptSymbol(","));
    }
    return event;
  }

  private static CreatePolicy createPolicy(TokenCursor c) {
    c.expect("create", "policy");
    String name = c.name();
    c.expect("on");
    QualifiedName table = c.qualifiedName();
    int start = c.mark();
    if (c.accept("as") && !c.accept("permissive") && !c.accept("restrictive")) {
      throw c.fail("expected PERMISSIVE or RESTRICTIVE");
    }
    if (c.accept("for") && !c.accept("all") && !c.accept("select") && !c.accept("insert")
        && !c.accept("update") && !c.accept("delete")) {
      throw c.fail("expected ALL, SELECT, INSERT, UPDATE or DELETE");
    }
    if (c.accept("to")) {
      CommonClauses.roles(c);
    }
    if (c.accept("using")) {
      c.parenthesized();
    }
    if (c.accept("with", "check")) {
      c.parenthesized();
    }
    return new CreatePolicy(name, table, c.textBetween(start, c.mark()));
  }

  private static Operation alter(TokenCursor c) {
    c.expect("alter");
    ObjectType type;
    if (c.accept("trigger")) {
      type = ObjectType.TRIGGER;
    } else {
      c.expect("policy");
      type = ObjectType.POLICY;
    }
    String name = c.name();
    c.expect("on");
    QualifiedName table = c.qualifiedName();
    if (c.accept("rename", "to")) {
      return new Rename(type, QualifiedName.of(name), c.name(), false, table);
    }
    if (type == ObjectType.TRIGGER) {
      throw c.fail(c.is("depends") || c.is("no", "depends")
          ? "ALTER TRIGGER … DEPENDS ON EXTENSION is not modelled" : "expected RENAME TO");
    }
    throw c.fail("ALTER POLICY other than RENAME is not modelled: it changes which rows the policy"
        + " lets roles see or write");
  }
}
