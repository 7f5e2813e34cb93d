package io.migrationsafety.policy;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.sql.Lexer;
import io.migrationsafety.sql.SqlSyntaxException;
import io.migrationsafety.sql.Token;
import io.migrationsafety.sql.TokenType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code tables:} section: table name to a row count, or to {@code { rows: N, bytes: N }}.
 *
 * <p>Table names are read as PostgreSQL reads them (unquoted parts fold to lower case, quoted parts
 * keep their case), so {@code Sales.Orders} and {@code sales.orders} are the same table, as they
 * are in SQL. An unqualified name means {@code public}.
 */
final class TableSizes {

  static final String DEFAULT_SCHEMA = "public";
  private static final String SHAPE = "a number of rows, or { rows: N, bytes: N }";
  private static final String COUNT = "a whole number, 0 or more";

  private final PolicyNodes nodes;

  TableSizes(PolicyNodes nodes) {
    this.nodes = nodes;
  }

  Map<QualifiedName, TableSize> read(Node section) {
    Map<QualifiedName, TableSize> sizes = new LinkedHashMap<>();
    Map<QualifiedName, Node> where = new HashMap<>();
    for (PolicyNodes.Entry entry : nodes.entries(section, "tables", "a mapping of table names to sizes")) {
      QualifiedName table = tableName(entry);
      Node first = where.putIfAbsent(table, entry.keyNode());
      if (first != null) {
        PolicyLocation was = nodes.at(first);
        throw nodes.error(entry.keyNode(), "table " + table + " is listed twice (first at line " + was.line()
            + ", column " + was.column() + "; an unqualified name means public); keep one");
      }
      sizes.put(table, size(table, entry.value()));
    }
    return sizes;
  }

  private TableSize size(QualifiedName table, Node value) {
    if (!(value instanceof MappingNode)) {
      if (PolicyNodes.isNull(value)) {
        throw nodes.error(value, "the size of table " + table + " must be " + SHAPE + ", found nothing");
      }
      if (!(value instanceof ScalarNode)) {
        throw nodes.error(value, "the size of table " + table + " must be " + SHAPE + ", found "
            + PolicyNodes.describe(value));
      }
      return new TableSize(nodes.wholeNumber(value, "rows of table " + table, 0, Long.MAX_VALUE, COUNT), null);
    }
    Map<PolicyKey, PolicyNodes.Entry> keys =
        nodes.section(value, PolicyKey.TABLES, "the size of table " + table, SHAPE);
    PolicyNodes.Entry rows = keys.get(PolicyKey.TABLE_ROWS);
    if (rows == null) {
      throw nodes.error(value, "the size of table " + table + " needs rows: write { rows: N } or { rows: N, bytes: N }");
    }
    PolicyNodes.Entry bytes = keys.get(PolicyKey.TABLE_BYTES);
    return new TableSize(
        nodes.wholeNumber(rows.value(), "rows of table " + table, 0, Long.MAX_VALUE, COUNT),
        bytes == null ? null : nodes.wholeNumber(bytes.value(), "bytes of table " + table, 0, Long.MAX_VALUE, COUNT));
  }

  /** {@code name} or {@code schema.name}, each part an SQL identifier, quoted or not. */
  private QualifiedName tableName(PolicyNodes.Entry entry) {
    String text = entry.key();
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(text, "table name");
    } catch (SqlSyntaxException e) {
      tokens = List.of();
    }
    boolean plain = tokens.stream().noneMatch(t -> t.type().isComment());
    if (plain && tokens.size() == 1 && tokens.get(0).isName()) {
      return QualifiedName.of(DEFAULT_SCHEMA, tokens.get(0).identifier());
    }
    if (plain && tokens.size() == 3 && tokens.get(0).isName() && tokens.get(1).type() == TokenType.DOT
        && tokens.get(2).isName()) {
      return QualifiedName.of(tokens.get(0).identifier(), tokens.get(2).identifier());
    }
    throw nodes.error(entry.keyNode(), "'" + text + "' is not a table name; write table or schema.table"
        + " (quote a part with \"…\" to keep its case)");
  }
}
