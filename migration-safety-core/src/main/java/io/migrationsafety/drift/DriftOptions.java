package io.migrationsafety.drift;

import io.migrationsafety.operation.QualifiedName;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How two schemas are compared.
 *
 * @param expressions how the text of defaults, CHECK constraints, index expressions and predicates
 *     is compared
 * @param viewQueries whether view queries are compared (otherwise only which views exist and
 *     whether they are materialized)
 * @param columnOrder whether the order of a table's columns is compared (a rollback that drops and
 *     re-adds a column cannot restore it, so a check of rollbacks leaves it out)
 * @param ignoredTables tables left out on both sides, with their indexes, constraints and owned
 *     sequences (a migration tool's history table, say)
 * @param ignoredExtensions extensions left out on both sides ({@code plpgsql}, which every
 *     database has from its template)
 */
public record DriftOptions(Expressions expressions, boolean viewQueries, boolean columnOrder,
    Set<QualifiedName> ignoredTables, Set<String> ignoredExtensions) {

  /** How expression text is compared. */
  public enum Expressions {
    /**
     * As written: right when both sides were printed by PostgreSQL (two databases, a database and
     * a snapshot of one).
     */
    EXACT,
    /**
     * After taking out what PostgreSQL adds when it prints an expression back (casts it inferred,
     * parentheses, letter case, {@code IN (…)} printed as {@code = ANY (ARRAY[…])}): right when one
     * side is replayed from migration text, which keeps expressions as written.
     */
    NORMALIZED
  }

  public DriftOptions {
    Objects.requireNonNull(expressions, "expressions");
    ignoredTables = Set.copyOf(ignoredTables);
    ignoredExtensions = Set.copyOf(ignoredExtensions);
  }

  /** For two schemas both read from PostgreSQL (databases or snapshots of them): everything compared exactly. */
  public static DriftOptions exact() {
    return new DriftOptions(Expressions.EXACT, true, true, Set.of(), Set.of());
  }

  /**
   * For a database against the replay of its migrations: expressions normalized, view queries not
   * compared (PostgreSQL prints a view's query back in a form of its own), {@code plpgsql} ignored.
   */
  public static DriftOptions againstReplay() {
    return new DriftOptions(Expressions.NORMALIZED, false, true, Set.of(), Set.of("plpgsql"));
  }

  /** These options, also leaving out the table {@code table}. */
  public DriftOptions ignoringTable(QualifiedName table) {
    Set<QualifiedName> tables = new HashSet<>(ignoredTables);
    tables.add(Objects.requireNonNull(table, "table"));
    return new DriftOptions(expressions, viewQueries, columnOrder, tables, ignoredExtensions);
  }

  /** These options, not comparing the order of columns. */
  public DriftOptions ignoringColumnOrder() {
    return new DriftOptions(expressions, viewQueries, false, ignoredTables, ignoredExtensions);
  }
}
