package io.migrationsafety.rules;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
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
}
