package io.migrationsafety.review;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.schema.replay.SearchPath;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.rule.TransactionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows one migration's transaction and session settings statement by statement: whether the
 * migration runs in its own transaction, BEGIN/COMMIT in its script, and SET/RESET of settings
 * such as {@code lock_timeout} and {@code search_path}; and the locks and operations of the open
 * transaction, which sequence rules look back on (table locks are held until the transaction ends).
 */
final class TransactionTracker {

  private final boolean migrationTransaction;
  private final Map<String, String> settings = new HashMap<>();
  private boolean explicit;
  private boolean open;
  private int statementsInTransaction;
  private String defaultSchema = SearchPath.DEFAULT;
  // Insertion order is the order the locks were first taken: lock order matters for deadlocks.
  private final Map<QualifiedName, LockEffect> held = new LinkedHashMap<>();
  private final List<Operation> earlier = new ArrayList<>();

  TransactionTracker(boolean migrationTransaction) {
    this.migrationTransaction = migrationTransaction;
    this.open = migrationTransaction;
  }

  /** The state the next statement runs in. */
  TransactionState state() {
    return new TransactionState(open, explicit, statementsInTransaction, settings, List.copyOf(held.values()), earlier);
  }

  /** The schema unqualified names resolve to now. */
  String defaultSchema() {
    return defaultSchema;
  }

  /** Takes note of an operation once it ran, with the locks the lock model says it took. */
  void after(Operation operation, List<LockEffect> locks) {
    if (!(operation instanceof TransactionControl)) {
      earlier.add(operation);
      for (LockEffect lock : locks) {
        held.merge(lock.relation(), lock, (was, now) -> now.mode().compareTo(was.mode()) > 0 ? now : was);
      }
    }
    after(operation);
  }

  /** Takes note of an operation once it ran. */
  void after(Operation operation) {
    if (operation instanceof TransactionControl tc) {
      switch (tc.action()) {
        case BEGIN -> {
          if (!open) {
            endTransaction();
          }
          open = true;
          explicit = true;
          statementsInTransaction = -1; // BEGIN itself does not count
        }
        case COMMIT, ROLLBACK, PREPARE -> {
          endTransaction();
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
        } else {
          settings.remove(name);
        }
      } else if (set.value() != null) {
        settings.put(name, set.value());
      }
      defaultSchema = SearchPath.after(defaultSchema, set);
    }
  }

  /** Takes note that a whole statement ran. */
  void afterStatement() {
    statementsInTransaction++;
    if (!open) {
      endTransaction(); // autocommit: the statement was its own transaction
    }
  }

  private void endTransaction() {
    held.clear();
    earlier.clear();
  }
}
