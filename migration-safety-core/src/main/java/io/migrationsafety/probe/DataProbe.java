package io.migrationsafety.probe;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * One read-only query that looks for the rows that would make a statement fail.
 *
 * @param kind what it looks for
 * @param table the table whose rows it reads
 * @param offending the offending rows in words ({@code rows whose email is NULL})
 * @param query the probe itself: one row of two columns, how many offending rows (or keys) it found,
 *     at most {@link #LIMIT} + 1, and one example key as text (or NULL); a {@link Kind#CAST_FAILURES}
 *     probe instead fails with a data exception when a value does not convert
 * @param findSql SQL the user runs to list the offending rows (their keys only)
 * @param fixSql SQL, or a comment, saying how to fix them before the migration runs
 * @param reads the columns the query reads, with the types it expects them to have: the probe runs
 *     only when the live database has exactly these
 */
public record DataProbe(Kind kind, QualifiedName table, String offending, String query, String findSql, String fixSql,
    List<Read> reads) {

  /** How many offending rows a probe counts at most; it stops there. */
  public static final int LIMIT = 1000;

  /** What a probe looks for. */
  public enum Kind {
    /** NULLs in a column about to be made NOT NULL (or part of a primary key). */
    NULLS,
    /** Keys held by more than one row, before a UNIQUE or PRIMARY KEY constraint or a unique index. */
    DUPLICATES,
    /** Rows for which a new CHECK constraint is false. */
    CHECK_VIOLATIONS,
    /** Rows whose foreign key references no row of the referenced table. */
    ORPHANS,
    /** Values that do not convert to a column's new type. */
    CAST_FAILURES,
    /** Values longer than a column's new, shorter length. */
    TOO_LONG
  }

  /**
   * A column a probe reads.
   *
   * @param table its table
   * @param column its name
   * @param type the type the probe expects it to have, or {@code null} for any
   */
  public record Read(QualifiedName table, String column, DataType type) {
    public Read {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  public DataProbe {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(offending, "offending");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(findSql, "findSql");
    Objects.requireNonNull(fixSql, "fixSql");
    reads = List.copyOf(reads);
  }
}
