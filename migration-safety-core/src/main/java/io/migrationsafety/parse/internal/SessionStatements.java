package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetConstraints;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.operation.TransactionAction;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings and transaction control, as the PostgreSQL documentation pages "SQL Commands: SET",
 * "RESET", "SET CONSTRAINTS", "SET TRANSACTION", "BEGIN", "START TRANSACTION", "COMMIT", "END",
 * "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT",
 * "PREPARE TRANSACTION", "COMMIT PREPARED" and "ROLLBACK PREPARED" give them (gram.y
 * {@code VariableSetStmt}, {@code VariableResetStmt}, {@code ConstraintsSetStmt},
 * {@code TransactionStmt}).
 *
 * <p>The special SET forms map to the parameter they set: {@code TIME ZONE} to {@code timezone},
 * {@code SCHEMA} to {@code search_path}, {@code NAMES} to {@code client_encoding}, {@code ROLE} to
 * {@code role}, {@code SESSION AUTHORIZATION} to {@code session_authorization}. Values are kept as
 * written. {@code COMMIT|ROLLBACK AND CHAIN} ends the transaction and starts the next one at once,
 * so it gives two operations, the second a {@code BEGIN}: whoever tracks transactions then sees
 * the statements after it inside one. A prepared transaction's identifier is its options, as
 * written. {@code PREPARE name AS …} (a prepared query) is not modelled.
 */
final class SessionStatements implements StatementFamily {

  @Override
  public Set<String> heads() {
    return Set.of("set", "reset", "begin", "start", "commit", "end", "rollback", "abort", "savepoint",
        "release", "prepare");
  }

  @Override
  public List<Operation> parse(TokenCursor c) {
    List<Operation> operations = new ArrayList<>();
    if (c.accept("set")) {
      operations.add(set(c));
    } else if (c.accept("reset")) {
      operations.add(new SetSetting(resetName(c), null, false, true));
    } else if (c.accept("begin")) {
      optionalTransactionWord(c);
      operations.add(control(TransactionAction.BEGIN, null, modes(c)));
    } else if (c.accept("start")) {
      c.expect("transaction");
      operations.add(control(TransactionAction.BEGIN, null, modes(c)));
    } else if (c.isAny("commit", "end", "rollback", "abort")) {
      finish(c, operations);
    } else if (c.accept("savepoint")) {
      operations.add(control(TransactionAction.SAVEPOINT, c.name(), ""));
    } else if (c.accept("release")) {
      c.accept("savepoint");
      operations.add(control(TransactionAction.RELEASE_SAVEPOINT, c.name(), ""));
    } else {
      c.expect("prepare");
      if (!c.accept("transaction")) {
        throw c.fail("PREPARE of a query is not modelled: the statement it prepares runs only"
            + " on EXECUTE");
      }
      operations.add(control(TransactionAction.PREPARE, null, transactionId(c)));
    }
    c.expectEnd();
    return operations;
  }

  private static TransactionControl control(TransactionAction action, String savepoint, String options) {
    return new TransactionControl(action, savepoint, options);
  }

  private static void optionalTransactionWord(TokenCursor c) {
    if (!c.accept("work")) {
      c.accept("transaction");
    }
  }

  /** {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT} and their PREPARED/TO forms. */
  private static void finish(TokenCursor c, List<Operation> operations) {
    boolean commit = c.isAny("commit", "end");
    boolean standard = c.isAny("commit", "rollback");
    c.next();
    if (standard && c.accept("prepared")) {
      operations.add(control(commit ? TransactionAction.COMMIT_PREPARED : TransactionAction.ROLLBACK_PREPARED,
          null, transactionId(c)));
      return;
    }
    optionalTransactionWord(c);
    if (!commit && standard && c.accept("to")) {
      c.accept("savepoint");
      operations.add(control(TransactionAction.ROLLBACK_TO_SAVEPOINT, c.name(), ""));
      return;
    }
    int start = c.mark();
    boolean chain = false;
    if (c.accept("and")) {
      chain = !c.accept("no");
      c.expect("chain");
    }
    operations.add(control(commit ? TransactionAction.COMMIT : TransactionAction.ROLLBACK, null,
        c.textBetween(start, c.mark())));
    if (chain) {
      operations.add(control(TransactionAction.BEGIN, null, ""));
    }
  }

  /** A prepared transaction's identifier: a string constant, returned as written. */
  private static String transactionId(TokenCursor c) {
    int start = c.mark();
    c.string();
    return c.textBetween(start, c.mark());
  }

  /**
   * {@code transaction_mode_list}: isolation level, access mode and deferrability, separated by
   * commas or spaces; returned as written.
   */
  private static String modes(TokenCursor c) {
    int start = c.mark();
    while (!c.atEnd()) {
      if (c.accept("isolation", "level")) {
        if (!c.accept("serializable") && !c.accept("repeatable", "read")
            && !c.accept("read", "committed") && !c.accept("read", "uncommitted")) {
          throw c.fail("expected an isolation level");
        }
      } else if (!c.accept("read", "only") && !c.accept("read", "write") && !c.accept("deferrable")
          && !c.accept("not", "deferrable")) {
        throw c.fail("expected a transaction mode");
      }
      if (c.acceptSymbol(",") && c.atEnd()) {
        throw c.fail("expected a transaction mode");
      }
    }
    return c.textBetween(start, c.mark());
  }

  private static Operation set(TokenCursor c) {
    if (c.is("constraints") && !isAssignment(c.peek(1))) {
      c.next();
      return constraints(c);
    }
    boolean local = false;
    if (c.is("local") && !isAssignment(c.peek(1))) {
      c.next();
      local = true;
    } else if (c.is("session") && !isAssignment(c.peek(1))
        && !(c.peek(1) != null && (c.peek(1).is("authorization") || c.peek(1).is("characteristics")))) {
      c.next();
    }
    if (c.accept("transaction")) {
      return control(TransactionAction.SET_CHARACTERISTICS, null, transactionCharacteristics(c));
    }
    if (c.accept("session", "characteristics", "as", "transaction")) {
      return control(TransactionAction.SET_CHARACTERISTICS, null, modes(c));
    }
    if (c.accept("time", "zone")) {
      if (c.accept("local") || c.accept("default")) {
        return new SetSetting("timezone", null, local, true);
      }
      String zone = c.rest();
      if (zone.isEmpty()) {
        throw c.fail("expected a time zone");
      }
      return new SetSetting("timezone", zone, local, false);
    }
    if (c.accept("schema")) {
      return new SetSetting("search_path", written(c, true), local, false);
    }
    if (c.accept("names")) {
      if (c.atEnd() || c.accept("default")) {
        return new SetSetting("client_encoding", null, local, true);
      }
      return new SetSetting("client_encoding", written(c, false), local, false);
    }
    if (c.accept("role")) {
      return new SetSetting("role", written(c, false), local, false);
    }
    if (c.accept("session", "authorization")) {
      if (c.accept("default")) {
        return new SetSetting("session_authorization", null, local, true);
      }
      return new SetSetting("session_authorization", written(c, false), local, false);
    }
    if (c.accept("xml", "option")) {
      if (!c.isAny("document", "content")) {
        throw c.fail("expected DOCUMENT or CONTENT");
      }
      return new SetSetting("xmloption", written(c, false), local, false);
    }
    String name = CommonClauses.settingName(c);
    if (c.is("from", "current")) {
      throw c.fail("SET … FROM CURRENT is not modelled");
    }
    if (!c.accept("to") && !c.acceptSymbol("=")) {
      throw c.fail("expected TO or =");
    }
    if (c.accept("default")) {
      return new SetSetting(name, null, local, true);
    }
    return new SetSetting(name, CommonClauses.settingValues(c), local, false);
  }

  private static boolean isAssignment(Token t) {
    return t != null && (t.is("to") || t.isSymbol("="));
  }

  /** One word or string (only a string when {@code stringOnly}), returned as written. */
  private static String written(TokenCursor c, boolean stringOnly) {
    int start = c.mark();
    if (stringOnly) {
      c.string();
    } else {
      CommonClauses.wordOrString(c);
    }
    return c.textBetween(start, c.mark());
  }

  /** After {@code SET TRANSACTION}: the modes, or {@code SNAPSHOT 'id'}; returned as written. */
  private static String transactionCharacteristics(TokenCursor c) {
    if (c.is("snapshot")) {
      int start = c.mark();
      c.next();
      c.string();
      return c.textBetween(start, c.mark());
    }
    String modes = modes(c);
    if (modes.isEmpty()) {
      throw c.fail("expected a transaction mode");
    }
    return modes;
  }

  private static SetConstraints constraints(TokenCursor c) {
    List<String> names = new ArrayList<>();
    if (!c.accept("all")) {
      do {
        QualifiedName name = c.qualifiedName();
        names.add(name.isQualified() ? name.schema() + "." + name.name() : name.name());
      } while (c.acceptSymbol(","));
    }
    boolean deferred = c.accept("deferred");
    if (!deferred) {
      c.expect("immediate");
    }
    return new SetConstraints(names, deferred);
  }

  /** The parameter a RESET names, with its special forms mapped as SET maps them. */
  private static String resetName(TokenCursor c) {
    if (c.accept("time", "zone")) {
      return "timezone";
    }
    if (c.accept("transaction", "isolation", "level")) {
      return "transaction_isolation";
    }
    if (c.accept("session", "authorization")) {
      return "session_authorization";
    }
    return CommonClauses.settingName(c);
  }
}
