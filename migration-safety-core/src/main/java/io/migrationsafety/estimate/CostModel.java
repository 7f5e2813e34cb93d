package io.migrationsafety.estimate;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.operation.TransactionControl;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.operation.WhereShape;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a statement runs: the work the lock model says it does (rewrite, scan, index build,
 * validation, rows changed) times the calibrated {@link Rates}, on the tables' known sizes.
 * Immutable and thread-safe.
 *
 * <p>What it cannot cost it does not guess: a table of unknown size, an index method other than
 * b-tree, rows produced by a query give {@link Estimate#unknown}. An UPDATE or DELETE whose WHERE
 * may touch any number of rows is costed as touching all of them, and says it is a ceiling.
 */
public final class CostModel {

  /** Key widths in bytes of common types; others count as {@link #WIDE_KEY_BYTES}. */
  private static final java.util.Map<String, Integer> KEY_BYTES = java.util.Map.ofEntries(
      java.util.Map.entry("smallint", 2), java.util.Map.entry("integer", 4), java.util.Map.entry("bigint", 8),
      java.util.Map.entry("boolean", 1), java.util.Map.entry("date", 4), java.util.Map.entry("real", 4),
      java.util.Map.entry("double precision", 8), java.util.Map.entry("uuid", 16),
      java.util.Map.entry("timestamp with time zone", 8), java.util.Map.entry("timestamp without time zone", 8),
      java.util.Map.entry("time without time zone", 8), java.util.Map.entry("oid", 4));
  /** Text, numeric, expressions: the width of a short text key, as calibrated ({@link Calibrator}). */
  static final int WIDE_KEY_BYTES = 24;
  private static final Pattern RANGE = Pattern.compile(
      "(?i)between\\s+(-?\\d+)\\s+and\\s+(-?\\d+)|>=?\\s*(-?\\d+)\\s+and\\s+\\w+(?:\\.\\w+)?\\s*<(=?)\\s*(-?\\d+)");

  private final Rates rates;

  /** A model with these rates. */
  public CostModel(Rates rates) {
    this.rates = Objects.requireNonNull(rates, "rates");
  }

  /** The rates it uses. */
  public Rates rates() {
    return rates;
  }

  /**
   * The estimate of one operation.
   *
   * @param operation the statement, or one ALTER TABLE subcommand
   * @param effects what the lock model says it does ({@link io.migrationsafety.lock.LockModel#effects})
   * @param before the schema before it, for indexes, constraints and column types
   * @param defaultSchema the schema unqualified names resolve to
   * @param stats the size of a table (schema-qualified name), as the review knows it
   */
  public Estimate estimate(Operation operation, List<LockEffect> effects, Schema before, String defaultSchema,
      Function<QualifiedName, TableStats> stats) {
    Function<QualifiedName, QualifiedName> resolve = n -> n.withDefaultSchema(defaultSchema == null ? "public"
        : defaultSchema);
    if (operation instanceof TransactionControl || operation instanceof SetSetting) {
      return Estimate.of(0, "");
    }
    if (operation instanceof CreateIndex create) {
      return indexBuild(resolve.apply(create.table().name()), create.method(), create.elements(), create.concurrently(),
          before, stats);
    }
    if (operation instanceof Reindex reindex) {
      return reindex(reindex, before, resolve, stats);
    }
    if (operation instanceof DataChange change) {
      return dataChange(change, resolve.apply(change.table()), stats);
    }
    if (operation instanceof AddConstraint add) {
      Estimate validation = addConstraint(add, resolve.apply(add.table().name()), before, stats);
      if (validation != null) {
        return validation;
      }
    }
    if (operation instanceof ValidateConstraint validate) {
      QualifiedName table = resolve.apply(validate.table().name());
      Optional<Constraint> constraint = before.table(table).flatMap(t -> t.constraints().stream()
          .filter(c -> c.name() != null && c.name().equals(validate.name())).findFirst());
      if (constraint.isPresent() && constraint.get().kind() == ConstraintKind.FOREIGN_KEY) {
        return foreignKey(table, stats);
      }
    }
    return fromEffects(effects, before, stats);
  }

  /** Rewrites and scans the lock model reports; a statement that does neither only changes the catalog. */
  private Estimate fromEffects(List<LockEffect> effects, Schema before, Function<QualifiedName, TableStats> stats) {
    Estimate total = Estimate.of(rates.catalogMs(), "");
    boolean work = false;
    for (LockEffect effect : effects) {
      // Work on an index is its table's work (a REINDEX is costed above); a relation the schema
      // does not know is a table of unknown size.
      if (!effect.rewrite() && !effect.scan() || before.index(effect.relation()).isPresent()) {
        continue;
      }
      work = true;
      TableStats size = stats.apply(effect.relation());
      String table = effect.relation().sql();
      if (!size.known()) {
        total = total.plus(Estimate.unknown("unknown size of " + table));
      } else if (effect.rewrite()) {
        double rows = size.rows(rates);
        double ms = size.bytes(rates) * rates.rewriteMsPerByte() + rebuild(effect.relation(), before, size, rows);
        total = total.plus(Estimate.of(ms, "rewrite of " + table + " " + Sizes.describe(size, rates)
            + (size.indexes() > 0 ? " and its " + size.indexes() + (size.indexes() == 1 ? " index" : " indexes") : "")));
      } else {
        total = total.plus(Estimate.of(size.bytes(rates) * rates.scanMsPerByte(),
            "scan of " + table + " " + Sizes.describe(size, rates)));
      }
    }
    return work ? total : Estimate.of(rates.catalogMs(), "catalog change only");
  }

  /**
   * Rebuilding a rewritten table's indexes: each known index at its key width; indexes the stats
   * count but the schema does not describe at the 8-byte rate.
   */
  private double rebuild(QualifiedName table, Schema before, TableStats size, double rows) {
    List<Index> known = before.indexesOn(table);
    double ms = Math.max(0, size.indexes() - known.size()) * rows * rates.indexMsPerRow();
    for (Index index : known) {
      int keyBytes = keyBytes(before.table(table), index.elements());
      ms += rows * (rates.indexMsPerRow() + Math.max(0, keyBytes - 8) * rates.indexMsPerRowPerKeyByte());
    }
    return ms;
  }

  private Estimate indexBuild(QualifiedName table, String method, List<IndexElement> elements, boolean concurrently,
      Schema before, Function<QualifiedName, TableStats> stats) {
    TableStats size = stats.apply(table);
    if (!size.known()) {
      return Estimate.unknown("unknown size of " + table.sql());
    }
    String m = method == null ? "btree" : method.toLowerCase(Locale.ROOT);
    if (!m.equals("btree")) {
      return Estimate.unknown("building a " + m + " index is not calibrated (only b-tree is)");
    }
    int keyBytes = keyBytes(before.table(table), elements);
    double ms = size.rows(rates) * (rates.indexMsPerRow()
        + Math.max(0, keyBytes - 8) * rates.indexMsPerRowPerKeyByte());
    if (concurrently) {
      ms *= rates.concurrentIndexFactor();
    }
    return Estimate.of(ms, (concurrently ? "concurrent " : "") + "index build on " + table.sql() + " "
        + Sizes.describe(size, rates) + ", " + keyBytes + "-byte key");
  }

  private Estimate reindex(Reindex reindex, Schema before, Function<QualifiedName, QualifiedName> resolve,
      Function<QualifiedName, TableStats> stats) {
    List<Index> indexes;
    if (reindex.target() == ObjectType.INDEX && reindex.name() != null) {
      indexes = before.index(resolve.apply(reindex.name())).map(List::of).orElse(List.of());
    } else if (reindex.target() == ObjectType.TABLE && reindex.name() != null) {
      indexes = before.indexesOn(resolve.apply(reindex.name()));
    } else {
      return Estimate.unknown("REINDEX of a whole schema or database is not costed");
    }
    if (indexes.isEmpty()) {
      return Estimate.unknown("the indexes REINDEX rebuilds are not in the known schema");
    }
    Estimate total = Estimate.of(0, "");
    for (Index index : indexes) {
      total = total.plus(indexBuild(index.table(), index.method(), index.elements(), reindex.concurrently(), before,
          stats));
    }
    return total;
  }

  /** The validation (and, for PRIMARY KEY and UNIQUE, the index build) of ADD CONSTRAINT; null for none. */
  private Estimate addConstraint(AddConstraint add, QualifiedName table, Schema before,
      Function<QualifiedName, TableStats> stats) {
    var c = add.constraint();
    if (before.table(table).isEmpty()) {
      return null;
    }
    return switch (c.kind()) {
      case FOREIGN_KEY -> c.notValid() ? Estimate.of(rates.catalogMs(), "NOT VALID: no validation")
          : foreignKey(table, stats);
      case PRIMARY_KEY, UNIQUE -> c.usingIndex() != null ? null
          : indexBuild(table, "btree", c.columns().stream().map(col -> new IndexElement(col, null, null, null, false, null)).toList(), false, before, stats);
      default -> null;
    };
  }

  private Estimate foreignKey(QualifiedName table, Function<QualifiedName, TableStats> stats) {
    TableStats size = stats.apply(table);
    if (!size.known()) {
      return Estimate.unknown("unknown size of " + table.sql());
    }
    return Estimate.of(size.rows(rates) * rates.foreignKeyMsPerRow(),
        "foreign key validation of " + table.sql() + " " + Sizes.describe(size, rates));
  }

  private Estimate dataChange(DataChange change, QualifiedName table, Function<QualifiedName, TableStats> stats) {
    if (change.dmlKind() == DmlKind.INSERT) {
      if (change.fromQuery()) {
        return Estimate.unknown("the rows INSERT … SELECT produces are not known");
      }
      return Estimate.of(rates.catalogMs() + change.literalRows() * rates.insertMsPerRow(),
          "insert of " + change.literalRows() + (change.literalRows() == 1 ? " row" : " rows"));
    }
    if (change.dmlKind() != DmlKind.UPDATE && change.dmlKind() != DmlKind.DELETE) {
      return Estimate.unknown(change.dmlKind() + " is not costed");
    }
    TableStats size = stats.apply(table);
    double perRow = change.dmlKind() == DmlKind.UPDATE
        ? rates.updateMsPerRow() + Math.max(0, size.indexes() - 1) * rates.updateMsPerRowPerIndex()
        : rates.deleteMsPerRow();
    String verb = change.dmlKind() == DmlKind.UPDATE ? "update of " : "delete of ";
    WhereShape shape = change.where() == null ? WhereShape.ALWAYS_TRUE : change.where().shape();
    if (shape == WhereShape.KEY_LOOKUP) {
      return Estimate.of(rates.catalogMs() + perRow, verb + "a few rows of " + table.sql());
    }
    if (shape == WhereShape.KEY_RANGE) {
      OptionalRange range = range(change.where().sql());
      if (range != null) {
        double rows = size.known() ? Math.min(range.rows(), size.rows(rates)) : range.rows();
        return Estimate.of(rates.catalogMs() + rows * perRow, verb + "a batch of at most "
            + Sizes.count(rows) + " rows of " + table.sql());
      }
    }
    if (!size.known()) {
      return Estimate.unknown("unknown size of " + table.sql());
    }
    double rows = size.rows(rates);
    String what = verb + (shape == WhereShape.ALWAYS_TRUE ? "every row of " : "up to every row of ") + table.sql()
        + " " + Sizes.describe(size, rates);
    double ms = rates.catalogMs() + rows * perRow;
    return shape == WhereShape.ALWAYS_TRUE ? Estimate.of(ms, what) : Estimate.atMost(ms, what);
  }

  /** The rows a literal key range covers ({@code id BETWEEN 1 AND 10000}, {@code id >= 1 AND id < 10000}). */
  static OptionalRange range(String where) {
    Matcher m = RANGE.matcher(where);
    if (!m.find()) {
      return null;
    }
    try {
      if (m.group(1) != null) {
        return new OptionalRange(Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1);
      }
      long low = Long.parseLong(m.group(3));
      long high = Long.parseLong(m.group(5));
      return new OptionalRange(high - low + (m.group(4).isEmpty() ? 0 : 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A number of rows a WHERE bounds. */
  record OptionalRange(long rows) {
    OptionalRange {
      rows = Math.max(0, rows);
    }
  }

  private static int keyBytes(Optional<Table> table, List<IndexElement> elements) {
    int total = 0;
    for (IndexElement element : elements) {
      Integer width = null;
      if (element.column() != null && table.isPresent()) {
        width = table.get().column(element.column()).map(Column::type)
            .filter(t -> !t.isArray()).map(t -> KEY_BYTES.get(t.name())).orElse(null);
      }
      total += width == null ? WIDE_KEY_BYTES : width;
    }
    return Math.max(1, total);
  }
}
