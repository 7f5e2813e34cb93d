package io.migrationsafety.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.operation.Volatility;
import java.util.List;
import java.util.Objects;

/**
 * The JSON shape of a schema snapshot, kept apart from the model records so that the model
 * carries no serialization concerns. One record per JSON object; required fields are marked, the
 * others may be left out (absent lists are empty, absent flags false, absent values null).
 */
final class SnapshotJson {

  private SnapshotJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"format", "schemas", "extensions", "tables", "indexes", "types", "sequences", "views"})
  record Document(
      @JsonProperty(required = true) Integer format,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> schemas,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> extensions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TableJson> tables,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IndexJson> indexes,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TypeJson> types,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SequenceJson> sequences,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ViewJson> views) {

    Document {
      Objects.requireNonNull(format, "format");
      schemas = list(schemas);
      extensions = list(extensions);
      tables = list(tables);
      indexes = list(indexes);
      types = list(types);
      sequences = list(sequences);
      views = list(views);
    }
  }

  /** A reference to a schema-qualified object. */
  record NameJson(@JsonProperty(required = true) String schema, @JsonProperty(required = true) String name) {

    NameJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schema", "name", "persistence", "partitionOf", "partitionBy", "rowEstimate", "sizeBytes",
      "columns", "constraints"})
  record TableJson(
      @JsonProperty(required = true) String schema,
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) Persistence persistence,
      NameJson partitionOf,
      String partitionBy,
      Long rowEstimate,
      Long sizeBytes,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ColumnJson> columns,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ConstraintJson> constraints) {

    TableJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(persistence, "persistence");
      columns = list(columns);
      constraints = list(constraints);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "type", "notNull", "default", "identity", "generated", "collation"})
  record ColumnJson(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) TypeRefJson type,
      boolean notNull,
      @JsonProperty("default") ExpressionJson defaultValue,
      IdentityJson identity,
      GeneratedJson generated,
      String collation) {

    ColumnJson {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A data type; {@code modifiers}, {@code arrayDimensions} and {@code text} are left out when they add nothing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "modifiers", "arrayDimensions", "text"})
  record TypeRefJson(
      @JsonProperty(required = true) String name,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> modifiers,
      Integer arrayDimensions,
      String text) {

    TypeRefJson {
      Objects.requireNonNull(name, "name");
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"sql", "volatility", "functions"})
  record ExpressionJson(@JsonProperty(required = true) String sql, @JsonProperty(required = true) Volatility volatility,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> functions) {

    ExpressionJson {
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(volatility, "volatility");
      functions = list(functions);
    }
  }

  @JsonPropertyOrder({"always", "sequenceOptions"})
  record IdentityJson(boolean always, String sequenceOptions) {

    IdentityJson {
      sequenceOptions = sequenceOptions == null ? "" : sequenceOptions;
    }
  }

  @JsonPropertyOrder({"expression", "stored"})
  record GeneratedJson(@JsonProperty(required = true) ExpressionJson expression, boolean stored) {

    GeneratedJson {
      Objects.requireNonNull(expression, "expression");
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "kind", "columns", "expression", "referencedTable", "referencedColumns", "onDelete",
      "onUpdate", "valid", "deferrable", "initiallyDeferred", "index"})
  record ConstraintJson(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) ConstraintKind kind,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> columns,
      String expression,
      NameJson referencedTable,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      @JsonProperty(required = true) Boolean valid,
      boolean deferrable,
      boolean initiallyDeferred,
      String index) {

    ConstraintJson {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(valid, "valid");
      columns = list(columns);
      referencedColumns = list(referencedColumns);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schema", "name", "table", "unique", "method", "elements", "include", "predicate", "valid"})
  record IndexJson(
      @JsonProperty(required = true) String schema,
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) NameJson table,
      boolean unique,
      @JsonProperty(required = true) String method,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ElementJson> elements,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> include,
      ExpressionJson predicate,
      @JsonProperty(required = true) Boolean valid) {

    IndexJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(valid, "valid");
      elements = list(elements);
      include = list(include);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"column", "expression", "collation", "opclass", "descending", "nullsFirst"})
  record ElementJson(String column, ExpressionJson expression, String collation, String opclass, boolean descending,
      Boolean nullsFirst) {}

  @JsonPropertyOrder({"schema", "name", "kind", "labels"})
  record TypeJson(
      @JsonProperty(required = true) String schema,
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) UserType.Kind kind,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> labels) {

    TypeJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      labels = list(labels);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schema", "name", "ownedBy"})
  record SequenceJson(@JsonProperty(required = true) String schema, @JsonProperty(required = true) String name,
      String ownedBy) {

    SequenceJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
    }
  }

  @JsonPropertyOrder({"schema", "name", "materialized", "query"})
  record ViewJson(@JsonProperty(required = true) String schema, @JsonProperty(required = true) String name,
      boolean materialized, @JsonProperty(required = true) String query) {

    ViewJson {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(query, "query");
    }
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
