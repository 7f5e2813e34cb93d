package io.migrationsafety.rules;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import io.migrationsafety.sql.SqlStatement;
import io.migrationsafety.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a data change as a batched loop: one short transaction per batch of rows, so that row
 * locks are held briefly, vacuum keeps up, and a schema lock is never held across the backfill.
 * With a single-column integer primary key the batches are key ranges; without one, a DELETE (or
 * an UPDATE whose result can be told from a row) picks its batch by {@code ctid}.
 */
public final class Backfill {

  /** Rows per batch in every suggested loop. */
  public static final int BATCH = 10_000;

  private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

  /** Where {@link #keyRanges} puts the condition of one batch in the statement it repeats. */
  public static final String RANGE = "{batch range}";

  private Backfill() {}

  /**
   * The single-column primary key of {@code table} when its type is an integer: the column a
   * batched loop can walk in ranges.
   */
  public static Optional<String> integerKey(Optional<Table> table) {
    if (table.isEmpty()) {
      return Optional.empty();
    }
    for (Constraint c : table.get().constraints()) {
      if (c.kind() == ConstraintKind.PRIMARY_KEY && c.columns().size() == 1) {
        String key = c.columns().get(0);
        boolean integer = table.get().column(key)
            .map(col -> INTEGER_TYPES.contains(col.type().name()) && col.type().arrayDimensions() == 0).orElse(false);
        return integer ? Optional.of(key) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A DO block that runs {@code statement} once per range of {@code key}, {@value #BATCH} keys at a
   * time, committing after each: {@code statement} must contain {@link #RANGE} where the range
   * condition goes (an SQL condition on {@code key}, qualified with {@code keyOwner} when given).
   */
  public static String keyRanges(String table, String key, String keyOwner, String statement) {
    String column = (keyOwner == null ? "" : keyOwner + ".") + key;
    String range = column + " >= batch_start AND " + column + " < batch_start + " + BATCH;
    return OUTSIDE_TRANSACTION
        + "DO $backfill$\n"
        + "DECLARE\n"
        + "  batch_start bigint := (SELECT min(" + key + ") FROM " + table + ");\n"
        + "  last_key bigint := (SELECT max(" + key + ") FROM " + table + ");\n"
        + "BEGIN\n"
        + "  WHILE batch_start <= last_key LOOP\n"
        + "    " + statement.replace(RANGE, range) + ";\n"
        + "    COMMIT;\n"
        + "    batch_start := batch_start + " + BATCH + ";\n"
        + "  END LOOP;\n"
        + "END $backfill$;";
  }

  /**
   * A DO block that repeats {@code statement} — which must pick at most {@value #BATCH} rows that
   * still need the change — committing after each run, until a run changes no row.
   */
  public static String untilDone(String statement) {
    return OUTSIDE_TRANSACTION
        + "DO $backfill$\n"
        + "BEGIN\n"
        + "  LOOP\n"
        + "    " + statement + ";\n"
        + "    EXIT WHEN NOT FOUND;\n"
        + "    COMMIT;\n"
        + "  END LOOP;\n"
        + "END $backfill$;";
  }

  /** The condition picking one batch of rows of {@code table} that satisfy {@code condition} by ctid. */
  public static String ctidBatch(String table, String condition) {
    return "ctid = ANY (ARRAY(SELECT ctid FROM " + table + (condition == null ? "" : " WHERE " + condition)
        + " LIMIT " + BATCH + "))";
  }

  private static final String OUTSIDE_TRANSACTION =
      "-- in a migration of its own that runs outside a transaction (COMMIT inside DO needs that):\n";
  /**
   * An UPDATE or DELETE in batches: key ranges when the table has an integer key, else batches
   * picked by ctid when the loop can tell when it is done; otherwise the statement with what it
   * lacks said first.
   */
  public static String batched(DataChange change, StatementContext context) {
    SqlStatement statement = context.statement().statement();
    String t = change.table().sql();
    String condition = change.where() == null ? null : change.where().sql();
    Optional<String> key = integerKey(context.tableBefore(context.resolve(change.table())));
    if (change.dmlKind() == DmlKind.DELETE) {
      return key.isPresent()
          ? keyRanges(t, QualifiedName.quote(key.get()), null, "DELETE FROM " + t + " WHERE " + also(condition))
          : untilDone("DELETE FROM " + t + " WHERE " + ctidBatch(t, condition));
    }
    String set = StatementText.between(statement, tok -> tok.is("set"),
        tok -> tok.is("where") || tok.is("from") || tok.is("returning"));
    if (set == null) {
      return null;
    }
    if (key.isPresent()) {
      return keyRanges(t, QualifiedName.quote(key.get()), null, "UPDATE " + t + " " + set + " WHERE "
          + also(condition));
    }
    String done = doneCondition(change, set);
    return done == null
        ? "-- " + t + " has no single-column integer key to batch by: add one, or batch by another indexed column\n"
            + statement.text() + ";"
        : untilDone("UPDATE " + t + " " + set + " WHERE " + ctidBatch(t, done));
  }

  /** The batch range, and the statement's own condition when it has one. */
  private static String also(String condition) {
    return condition == null ? RANGE : RANGE + " AND (" + condition + ")";
  }

  /**
   * For an UPDATE of one column to a value that does not depend on the row: the condition of rows
   * that still need it, so that a loop picking such rows ends.
   */
  private static String doneCondition(DataChange change, String set) {
    if (change.columns().size() != 1) {
      return null;
    }
    String assignment = set.substring(3).strip();
    int eq = assignment.indexOf('=');
    if (eq < 0) {
      return null;
    }
    String column = assignment.substring(0, eq).strip();
    String value = assignment.substring(eq + 1).strip();
    List<Token> valueTokens = SqlParser.parse("SELECT " + value, "value.sql").statements().get(0).statement().tokens();
    boolean constant = valueTokens.stream().skip(1).noneMatch(tok -> tok.isName() && !tok.is("null")
        && !tok.is("true") && !tok.is("false"));
    return constant ? column + " IS DISTINCT FROM (" + value + ")" : null;
  }
}
