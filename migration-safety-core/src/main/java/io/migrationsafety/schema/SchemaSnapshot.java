package io.migrationsafety.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.GeneratedColumn;
import io.migrationsafety.operation.Identity;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.schema.SnapshotJson.ColumnJson;
import io.migrationsafety.schema.SnapshotJson.ConstraintJson;
import io.migrationsafety.schema.SnapshotJson.Document;
import io.migrationsafety.schema.SnapshotJson.ElementJson;
import io.migrationsafety.schema.SnapshotJson.ExpressionJson;
import io.migrationsafety.schema.SnapshotJson.GeneratedJson;
import io.migrationsafety.schema.SnapshotJson.IdentityJson;
import io.migrationsafety.schema.SnapshotJson.IndexJson;
import io.migrationsafety.schema.SnapshotJson.NameJson;
import io.migrationsafety.schema.SnapshotJson.SequenceJson;
import io.migrationsafety.schema.SnapshotJson.TableJson;
import io.migrationsafety.schema.SnapshotJson.TypeJson;
import io.migrationsafety.schema.SnapshotJson.TypeRefJson;
import io.migrationsafety.schema.SnapshotJson.ViewJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Saves a {@link Schema} to JSON and loads it back, for reviews without a database.
 *
 * <p>The output is meant to be read and diffed by people: two-space indentation, one field per
 * line, objects sorted by schema and name (columns and constraints keep their table's order), and
 * values that add nothing left out. It starts with {@code "format": 1}; {@link #load(Path)} refuses
 * a format it does not know. The same schema always gives the same text, and loading what was
 * saved gives an equal schema.
 *
 * <p>Loading is strict: unknown fields, values of the wrong type, missing required fields and
 * duplicate keys are errors, reported as a {@link SchemaSnapshotException} naming the file and,
 * where the JSON reader knows it, the line and column.
 */
public final class SchemaSnapshot {

  /** The version of the snapshot format this class writes and reads. */
  public static final int FORMAT = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectReader READER = MAPPER.readerFor(Document.class);

  private SchemaSnapshot() {}

  /** The schema as snapshot JSON, ending with a newline. */
  public static String toJson(Schema schema) {
    try {
      return WRITER.writeValueAsString(document(schema)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema could not be written as JSON", e);
    }
  }

  /** Writes the schema to {@code file} as snapshot JSON (UTF-8). */
  public static void save(Schema schema, Path file) {
    String json = toJson(schema);
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SchemaSnapshotException(file.toString(), 0, 0, "cannot be written: " + e, e);
    }
  }

  /** Reads the snapshot in {@code file}. */
  public static Schema load(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SchemaSnapshotException(file.toString(), 0, 0, "cannot be read: " + e, e);
    }
    return fromJson(json, file.toString());
  }

  /**
   * Reads snapshot JSON.
   *
   * @param json the snapshot text
   * @param source names the snapshot in errors (usually its file)
   */
  public static Schema fromJson(String json, String source) {
    Document document;
    try {
      document = READER.readValue(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new SchemaSnapshotException(source, line, line > 0 ? column : 0, describe(e), e);
    }
    if (document.format() != FORMAT) {
      throw new SchemaSnapshotException(source, 0, 0, "format " + document.format()
          + " is not one this version reads (it reads format " + FORMAT + ")", null);
    }
    return new Reading(source).schema(document);
  }

  /** Jackson's own message, without the location and the internal class names it appends. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    message = message.replaceAll("io\\.migrationsafety\\.schema\\.SnapshotJson\\$(\\w+)Json", "$1")
        .replaceAll("`?io\\.migrationsafety\\.schema\\.SnapshotJson\\$(\\w+)`?", "$1");
    String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? path(m) : "";
    return path.isEmpty() ? message : message + " (at " + path + ")";
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  // ---- model to JSON ----

  private static Document document(Schema s) {
    return new Document(FORMAT, List.copyOf(s.schemas()), List.copyOf(s.extensions()),
        map(s.tables().values(), SchemaSnapshot::table), map(s.indexes().values(), SchemaSnapshot::index),
        map(s.types().values(), t -> new TypeJson(schemaOf(t.name()), t.name().name(), t.kind(), t.labels())),
        map(s.sequences().values(), q -> new SequenceJson(schemaOf(q.name()), q.name().name(), q.ownedBy())),
        map(s.views().values(), v -> new ViewJson(schemaOf(v.name()), v.name().name(), v.materialized(), v.query())));
  }

  private static TableJson table(Table t) {
    return new TableJson(t.name().schema(), t.name().name(), t.persistence(), name(t.partitionOf()),
        t.partitionBy(), t.rowEstimate(), t.sizeBytes(), map(t.columns(), SchemaSnapshot::column),
        map(t.constraints(), SchemaSnapshot::constraint));
  }

  private static ColumnJson column(Column c) {
    DataType t = c.type();
    TypeRefJson type = new TypeRefJson(t.name(), t.modifiers().isEmpty() ? null : t.modifiers(),
        t.arrayDimensions() == 0 ? null : t.arrayDimensions(), t.text().equals(t.sql()) ? null : t.text());
    return new ColumnJson(c.name(), type, c.notNull(), expression(c.defaultValue()),
        c.identity() == null ? null : new IdentityJson(c.identity().always(), c.identity().sequenceOptions()),
        c.generated() == null ? null
            : new GeneratedJson(expression(c.generated().expression()), c.generated().stored()),
        c.collation());
  }

  private static ConstraintJson constraint(Constraint c) {
    return new ConstraintJson(c.name(), c.kind(), c.columns(), c.expression(), name(c.referencedTable()),
        c.referencedColumns(), c.onDelete(), c.onUpdate(), c.valid(), c.deferrable(), c.initiallyDeferred(),
        c.index());
  }

  private static IndexJson index(Index i) {
    return new IndexJson(schemaOf(i.name()), i.name().name(), name(i.table()), i.unique(), i.method(),
        map(i.elements(), e -> new ElementJson(e.column(), expression(e.expression()), e.collation(), e.opclass(),
            e.descending(), e.nullsFirst())),
        i.include(), expression(i.predicate()), i.valid());
  }

  private static ExpressionJson expression(SqlExpression e) {
    return e == null ? null : new ExpressionJson(e.sql(), e.volatility(), e.functions());
  }

  private static NameJson name(QualifiedName n) {
    return n == null ? null : new NameJson(schemaOf(n), n.name());
  }

  private static String schemaOf(QualifiedName n) {
    if (n.schema() == null) {
      throw new IllegalArgumentException("a schema snapshot needs schema-qualified names: " + n);
    }
    return n.schema();
  }

  private static <A, B> List<B> map(Iterable<A> items, Function<A, B> f) {
    List<B> result = new ArrayList<>();
    items.forEach(a -> result.add(f.apply(a)));
    return result;
  }

  // ---- JSON to model ----

  /** Builds the model from a read document, naming the object when a value does not fit. */
  private static final class Reading {

    private final String source;

    Reading(String source) {
      this.source = source;
    }

    Schema schema(Document d) {
      Map<QualifiedName, Table> tables = new LinkedHashMap<>();
      for (TableJson t : d.tables()) {
        QualifiedName name = QualifiedName.of(t.schema(), t.name());
        tables.put(unique(tables, name, "table"), build("table " + name.sql(), () -> table(name, t)));
      }
      Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
      for (IndexJson i : d.indexes()) {
        QualifiedName name = QualifiedName.of(i.schema(), i.name());
        indexes.put(unique(indexes, name, "index"), build("index " + name.sql(), () -> index(name, i)));
      }
      Map<QualifiedName, UserType> types = new LinkedHashMap<>();
      for (TypeJson t : d.types()) {
        QualifiedName name = QualifiedName.of(t.schema(), t.name());
        types.put(unique(types, name, "type"), build("type " + name.sql(),
            () -> new UserType(name, t.kind(), t.labels())));
      }
      Map<QualifiedName, Sequence> sequences = new LinkedHashMap<>();
      for (SequenceJson q : d.sequences()) {
        QualifiedName name = QualifiedName.of(q.schema(), q.name());
        sequences.put(unique(sequences, name, "sequence"), new Sequence(name, q.ownedBy()));
      }
      Map<QualifiedName, View> views = new LinkedHashMap<>();
      for (ViewJson v : d.views()) {
        QualifiedName name = QualifiedName.of(v.schema(), v.name());
        views.put(unique(views, name, "view"), new View(name, v.materialized(), v.query()));
      }
      return new Schema(tables, indexes, types, sequences, views, new LinkedHashSet<>(d.schemas()),
          new LinkedHashSet<>(d.extensions()));
    }

    private <V> QualifiedName unique(Map<QualifiedName, V> map, QualifiedName name, String kind) {
      if (map.containsKey(name)) {
        throw new SchemaSnapshotException(source, 0, 0, kind + " " + name.sql() + " is listed twice", null);
      }
      return name;
    }

    private <T> T build(String what, java.util.function.Supplier<T> builder) {
      try {
        return builder.get();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new SchemaSnapshotException(source, 0, 0, what + ": " + e.getMessage(), e);
      }
    }

    private static Table table(QualifiedName name, TableJson t) {
      List<Column> columns = new ArrayList<>();
      for (ColumnJson c : t.columns()) {
        TypeRefJson type = c.type();
        List<String> modifiers = type.modifiers() == null ? List.of() : type.modifiers();
        int dimensions = type.arrayDimensions() == null ? 0 : type.arrayDimensions();
        DataType dataType = new DataType(type.name(), modifiers, dimensions, "");
        dataType = new DataType(type.name(), modifiers, dimensions, type.text() == null ? dataType.sql() : type.text());
        columns.add(new Column(c.name(), dataType, c.notNull(), expression(c.defaultValue()),
            c.identity() == null ? null : new Identity(c.identity().always(), c.identity().sequenceOptions()),
            c.generated() == null ? null
                : new GeneratedColumn(expression(c.generated().expression()), c.generated().stored()),
            c.collation()));
      }
      List<Constraint> constraints = new ArrayList<>();
      for (ConstraintJson c : t.constraints()) {
        constraints.add(new Constraint(c.name(), c.kind(), c.columns(), c.expression(),
            name(c.referencedTable()), c.referencedColumns(), c.onDelete(), c.onUpdate(), c.valid(),
            c.deferrable(), c.initiallyDeferred(), c.index()));
      }
      return new Table(name, columns, constraints, t.persistence(), name(t.partitionOf()),
          t.partitionBy(), t.rowEstimate(), t.sizeBytes());
    }

    private static Index index(QualifiedName name, IndexJson i) {
      List<IndexElement> elements = new ArrayList<>();
      for (ElementJson e : i.elements()) {
        elements.add(new IndexElement(e.column(), expression(e.expression()), e.collation(), e.opclass(),
            e.descending(), e.nullsFirst()));
      }
      return new Index(name, name(i.table()), i.unique(), i.method(), elements, i.include(),
          expression(i.predicate()), i.valid());
    }

    private static SqlExpression expression(ExpressionJson e) {
      return e == null ? null : new SqlExpression(e.sql(), e.volatility(), e.functions());
    }

    private static QualifiedName name(NameJson n) {
      return n == null ? null : QualifiedName.of(n.schema(), n.name());
    }
  }

}
