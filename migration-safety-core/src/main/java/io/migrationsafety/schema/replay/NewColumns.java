package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.Volatility;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a declared column into a column of the model, with the sequence PostgreSQL creates for it:
 * {@code serial} becomes {@code integer NOT NULL DEFAULT nextval('t_c_seq'::regclass)} owned by
 * the column, and an identity column gets its {@code t_c_seq} sequence too.
 */
final class NewColumns {

  private static final Map<String, String> SERIAL_TYPES = Map.of(
      "serial", "integer", "bigserial", "bigint", "smallserial", "smallint");

  private static final Pattern SEQUENCE_NAME = Pattern.compile(
      "(?i)\\bsequence\\s+name\\s+((?:\"(?:[^\"]|\"\")*\"|[^\\s\",()]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")*\"|[^\\s\",()]+))*)");

  private NewColumns() {}

  /** A new column and the sequence it owns, if any. */
  record Made(Column column, Sequence sequence) {}

  /**
   * The column {@code definition} declares on {@code table}; a sequence name it needs is chosen
   * free in {@code schema}.
   */
  static Made make(Schema schema, QualifiedName table, ColumnDefinition definition, String defaultSchema) {
    DataType type = visible(definition.type(), defaultSchema);
    if (type.isSerial() && type.arrayDimensions() == 0) {
      QualifiedName sequence = sequenceName(schema, table, definition.name(), null);
      String base = SERIAL_TYPES.get(type.name());
      DataType plain = new DataType(base, List.of(), 0, base);
      Column column = new Column(definition.name(), plain, true, nextval(sequence, defaultSchema), null,
          definition.generated(), definition.collation());
      return new Made(column, new Sequence(sequence, Tables.ownerOf(table, definition.name())));
    }
    boolean notNull = definition.notNull() || definition.identity() != null;
    Column column = new Column(definition.name(), type, notNull, definition.defaultValue(),
        definition.identity(), definition.generated(), definition.collation());
    if (definition.identity() == null) {
      return new Made(column, null);
    }
    QualifiedName sequence = sequenceName(schema, table, definition.name(), definition.identity().sequenceOptions());
    return new Made(column, new Sequence(sequence, Tables.ownerOf(table, definition.name())));
  }

  /**
   * {@code type} spelled as PostgreSQL shows it ({@code format_type}): without its schema when that
   * is the default schema, so {@code "public"."Plan"} (as Prisma 6.16+ writes it) is {@code "Plan"}.
   */
  static DataType visible(DataType type, String defaultSchema) {
    String prefix = QualifiedName.quote(defaultSchema) + ".";
    if (!type.name().startsWith(prefix)) {
      return type;
    }
    String name = type.name().substring(prefix.length());
    String text = type.text().startsWith(prefix) ? type.text().substring(prefix.length()) : type.text();
    return new DataType(name, type.modifiers(), type.arrayDimensions(), text);
  }

  /**
   * The sequence of a serial or identity column: the {@code SEQUENCE NAME} option when given,
   * else {@code table_column_seq} made free among the relations of the table's schema.
   */
  static QualifiedName sequenceName(Schema schema, QualifiedName table, String column, String options) {
    if (options != null) {
      Matcher m = SEQUENCE_NAME.matcher(options);
      if (m.find()) {
        List<String> parts = SqlText.nameParts(m.group(1));
        if (parts.size() == 1) {
          return QualifiedName.of(table.schema(), parts.get(0));
        }
        if (parts.size() == 2) {
          return QualifiedName.of(parts.get(0), parts.get(1));
        }
      }
    }
    return QualifiedName.of(table.schema(),
        PostgresNames.chooseRelationName(schema, table.schema(), table.name(), column, "seq", false));
  }

  /** {@code nextval('seq'::regclass)}, the sequence qualified only outside the default schema. */
  static SqlExpression nextval(QualifiedName sequence, String defaultSchema) {
    String name = sequence.schema().equals(defaultSchema) ? QualifiedName.quote(sequence.name()) : sequence.sql();
    return new SqlExpression("nextval('" + name.replace("'", "''") + "'::regclass)", Volatility.VOLATILE,
        List.of("nextval"));
  }

  private static final java.util.Set<String> IDENTITY_TYPES = java.util.Set.of("smallint", "integer", "bigint");

  /** Why {@code type} cannot be an identity column's type, or {@code null} when it can. */
  static String identityTypeProblem(QualifiedName table, String column, DataType type) {
    if (IDENTITY_TYPES.contains(type.name()) && type.arrayDimensions() == 0) {
      return null;
    }
    return "identity column " + Problems.quoted(column) + " of table " + table.sql()
        + " must be smallint, integer or bigint, not " + type.sql();
  }
}
