package io.migrationsafety.lock;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition bound as a CHECK condition, and whether a table's valid CHECK constraints already
 * prove it: then ATTACH PARTITION skips its scan of the new partition (SQL Commands: ALTER TABLE,
 * ATTACH PARTITION: "… the scan … is skipped if a valid CHECK constraint implies the partition
 * constraint"; DDL, Partitioning, Partition Maintenance). Only single-column RANGE and LIST keys
 * are understood; anything else counts as not proven, so the scan is assumed.
 */
public final class PartitionBounds {

  private static final Pattern KEY = Pattern.compile("(?i)^\\s*(range|list)\\s*\\(\\s*(\"?[\\w$]+\"?)\\s*\\)\\s*$");
  private static final Pattern RANGE = Pattern.compile("(?is)^\\s*for\\s+values\\s+from\\s*\\((.*)\\)\\s*to\\s*\\((.*)\\)\\s*$");
  private static final Pattern LIST = Pattern.compile("(?is)^\\s*for\\s+values\\s+in\\s*\\((.*)\\)\\s*$");

  private PartitionBounds() {}

  /**
   * The CHECK condition equal to the partition constraint of a partition of {@code parent} with
   * {@code bound} ({@code FOR VALUES …}), or empty when the key or the bound is not understood.
   * The key's IS NOT NULL is part of it: without it PostgreSQL still scans (measured on 13, 17, 18).
   */
  public static Optional<String> condition(Table parent, String bound) {
    if (parent.partitionBy() == null) {
      return Optional.empty();
    }
    Matcher key = KEY.matcher(parent.partitionBy());
    if (!key.matches()) {
      return Optional.empty();
    }
    String column = key.group(2);
    List<String> parts = new ArrayList<>();
    parts.add(column + " IS NOT NULL");
    Matcher range = RANGE.matcher(bound);
    Matcher list = LIST.matcher(bound);
    if (key.group(1).equalsIgnoreCase("range") && range.matches()) {
      String from = range.group(1).strip();
      String to = range.group(2).strip();
      if (!from.equalsIgnoreCase("minvalue")) {
        parts.add(column + " >= " + from);
      }
      if (!to.equalsIgnoreCase("maxvalue")) {
        parts.add(column + " < " + to);
      }
    } else if (key.group(1).equalsIgnoreCase("list") && list.matches()
        && !list.group(1).toLowerCase(Locale.ROOT).contains("null")) {
      parts.add(column + " IN (" + list.group(1).strip() + ")");
    } else {
      return Optional.empty();
    }
    return Optional.of(String.join(" AND ", parts));
  }

  /**
   * Whether a valid CHECK of {@code partition} (with the key's NOT NULL, when the column has it)
   * states every part of {@code condition}, as written or as PostgreSQL prints it back.
   */
  public static boolean proven(Table partition, String condition) {
    List<String> wanted = new ArrayList<>();
    for (String part : condition.split(" AND ")) {
      wanted.add(normal(part));
    }
    StringBuilder known = new StringBuilder();
    for (Constraint c : partition.constraints()) {
      if (c.kind() == ConstraintKind.CHECK && c.valid() && c.expression() != null) {
        known.append(normal(c.expression())).append('|');
      }
    }
    for (Column column : partition.columns()) {
      if (column.notNull()) {
        known.append(normal(column.name() + " IS NOT NULL")).append('|');
      }
    }
    String all = known.toString();
    return wanted.stream().allMatch(all::contains);
  }

  /** Lower case, without quotes, casts, type words before literals, parentheses and blanks. */
  private static String normal(String sql) {
    return sql.toLowerCase(Locale.ROOT)
        .replace("\"", "")
        .replaceAll("::[a-z_ ]+?(?=[\\s),]|$)", "")
        .replaceAll("\\b(date|timestamptz|timestamp|integer|bigint|text)\\s*'", "'")
        .replaceAll("[()\\s]", "");
  }
}
