package io.migrationsafety.review;

import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.rule.TransactionState;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Follows one migration's transaction and session settings statement by statement: whether the
 * migration runs in its own transaction, BEGIN/COMMIT in its script, and SET/RESET of settings
 * such as {@code lock_timeout} and {@code search_path}.
 */
final class TransactionTracker {

  private final boolean migrationTransaction;
  private final Map<String, String> settings = new HashMap<>();
  private boolean explicit;
  private boolean open;
  private int statementsInTransaction;
  private String defaultSchema = "public";

  TransactionTracker(boolean migrationTransaction) {
    this.migrationTransaction = migrationTransaction;
    this.open = migrationTransaction;
  }

  /** The state the next statement runs in. */
  TransactionState state() {
    return new TransactionState(open, explicit, statementsInTransaction, settings);
  }

  /** The schema unqualified names resolve to now. */
  String defaultSchema() {
    return defaultSchema;
  }

  /** Takes note of an operation once it ran. */
  void after(Operation operation) {
    if (operation instanceof TransactionControl tc) {
      switch (tc.action()) {
        case BEGIN -> {
          open = true;
          explicit = true;
          statementsInTransaction = -1; // BEGIN itself does not count
        }
        case COMMIT, ROLLBACK, PREPARE -> {
          explicit = false;
          open = migrationTransaction;
          statementsInTransaction = -1;
        }
        default -> { }
      }
    } else if (operation instanceof SetSetting set) {
      String name = set.name().toLowerCase(Locale.ROOT);
      if (set.reset()) {
        if (name.equals("all")) {
          settings.clear();
          defaultSchema = "public";
        } else {
          settings.remove(name);
        }
      } else if (set.value() != null) {
        settings.put(name, set.value());
      }
      if (name.equals("search_path")) {
        defaultSchema = set.value() == null ? "public" : firstSchema(set.value());
      }
    }
  }

  /** Takes note that a whole statement ran. */
  void afterStatement() {
    statementsInTransaction++;
  }

  /** The first real schema of a search_path value: {@code "$user", app, public} → {@code app}. */
  static String firstSchema(String searchPath) {
    for (String part : searchPath.split(",")) {
      String p = part.strip();
      if (p.startsWith("'") && p.endsWith("'") && p.length() >= 2) {
        p = p.substring(1, p.length() - 1).strip();
      }
      if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
        p = p.substring(1, p.length() - 1).replace("\"\"", "\"");
        if (!p.equals("$user")) {
          return p;
        }
      } else if (!p.isEmpty() && !p.equals("$user")) {
        return p.toLowerCase(Locale.ROOT);
      }
    }
    return "public";
  }
}
