package io.migrationsafety.operation;

/**
 * The shape of an UPDATE's or DELETE's {@code WHERE}, which tells a one-shot backfill of the whole
 * table from a bounded batch.
 */
public enum WhereShape {
  /** Always true ({@code WHERE true}, {@code WHERE 1 = 1}): touches every row. */
  ALWAYS_TRUE,
  /** Equality with constants on columns ({@code id = 5}, {@code id IN (1, 2)}): a few rows. */
  KEY_LOOKUP,
  /** A bounded range of one column ({@code id BETWEEN 1 AND 10000}, {@code id >= 1 AND id < 10000}): a batch. */
  KEY_RANGE,
  /** The keys come from a subquery with {@code LIMIT} ({@code id IN (SELECT id … LIMIT 1000)}): a batch. */
  LIMITED_SUBQUERY,
  /** Anything else, such as {@code status IS NULL}: may touch any number of rows. */
  OTHER
}
