package io.migrationsafety.rules.index;

import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.RuleMetadata;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rule.StatementContext;
import io.migrationsafety.rule.StatementRule;
import io.migrationsafety.schema.Index;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A new index whose keys equal, or are a leading prefix of, the keys of an index the table already
 * has: a B-tree on {@code (a, b)} serves every search on {@code a} alone, so the new index only
 * costs write time, disk and cache (Indexes: Multicolumn Indexes; SQL Commands: CREATE INDEX).
 *
 * <p>Only plain key columns are compared, both indexes without a predicate, with the same access
 * method. A unique index is never redundant to a non-unique one (it enforces something), and a
 * unique index on a prefix enforces more than the longer one, so unique indexes count only when
 * the keys are identical and the existing index is unique too.
 */
public final class DuplicateIndex implements StatementRule {

  private static final RuleMetadata METADATA = RuleMetadata.of("duplicate-index",
      "a new index whose keys equal or are a leading prefix of an existing index's keys", Severity.WARNING);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Finding> check(StatementContext context) {
    if (!(context.operation() instanceof CreateIndex index) || !plain(index.elements(), index.predicate() == null)) {
      return List.of();
    }
    QualifiedName table = context.resolve(index.table().name());
    QualifiedName newName = index.name() == null ? null : QualifiedName.of(table.schema(), index.name());
    Optional<Index> covering = context.before().indexesOn(table).stream()
        // IF NOT EXISTS on an existing name is a no-op, not a second index.
        .filter(existing -> !existing.name().equals(newName))
        .filter(existing -> covers(existing, index))
        .findFirst();
    if (covering.isEmpty()) {
      return List.of();
    }
    Index existing = covering.get();
    boolean same = existing.elements().size() == index.elements().size();
    String keys = keys(existing.elements());
    return List.of(context.finding(this,
        "This index duplicates " + existing.name() + " (" + keys + ") on " + table
            + (same ? ", which has the same keys" : ", whose keys start with the same columns"),
        "A B-tree on several columns serves searches on its leading columns as well, so the new index "
            + "answers no query the existing one does not; it only adds work to every INSERT and UPDATE, disk "
            + "space and cache pressure, and a build that locks the table.",
        "-- " + existing.name() + " (" + keys + ") already serves these searches: leave this statement out"));
  }

  /** Whether {@code existing} makes the new index redundant. */
  static boolean covers(Index existing, CreateIndex index) {
    if (!existing.valid() || !plain(existing.elements(), existing.predicate() == null)
        || !existing.method().equalsIgnoreCase(index.method())) {
      return false;
    }
    List<IndexElement> mine = index.elements();
    List<IndexElement> theirs = existing.elements();
    boolean same = mine.size() == theirs.size();
    if (mine.size() > theirs.size() || (!same && !existing.method().equalsIgnoreCase("btree"))) {
      // Only a B-tree serves its leading columns alone; other methods need the same keys.
      return false;
    }
    if (index.unique() && !(existing.unique() && same)) {
      return false;
    }
    for (int i = 0; i < mine.size(); i++) {
      if (!sameKey(mine.get(i), theirs.get(i))) {
        return false;
      }
    }
    // INCLUDE columns are there for index-only scans: the existing index must carry them too.
    return index.include().stream().allMatch(c -> carries(existing, c));
  }

  private static boolean plain(List<IndexElement> elements, boolean noPredicate) {
    return noPredicate && !elements.isEmpty() && elements.stream().noneMatch(IndexElement::isExpression);
  }

  private static boolean sameKey(IndexElement a, IndexElement b) {
    return a.column().equals(b.column()) && Objects.equals(lower(a.collation()), lower(b.collation()))
        && Objects.equals(lower(a.opclass()), lower(b.opclass())) && a.descending() == b.descending()
        && Objects.equals(a.nullsFirst(), b.nullsFirst());
  }

  private static boolean carries(Index existing, String column) {
    return existing.include().contains(column) || existing.elements().stream().anyMatch(e -> column.equals(e.column()));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String keys(List<IndexElement> elements) {
    return elements.stream().map(e -> QualifiedName.quote(e.column())).collect(Collectors.joining(", "));
  }
}
