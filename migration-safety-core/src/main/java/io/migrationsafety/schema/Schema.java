package io.migrationsafety.schema;

import io.migrationsafety.operation.QualifiedName;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * What a database holds, as one immutable value. Changing it gives a new value that shares
 * everything unchanged with the old one (persistent maps), so that keeping the schema before and
 * after every statement of a long migration set stays cheap.
 *
 * @param tables tables by name
 * @param indexes indexes by name
 * @param types user-defined types by name
 * @param sequences sequences by name
 * @param views views and materialized views by name
 * @param schemas the schemas that exist
 * @param extensions the installed extensions
 */
public record Schema(
    Map<QualifiedName, Table> tables,
    Map<QualifiedName, Index> indexes,
    Map<QualifiedName, UserType> types,
    Map<QualifiedName, Sequence> sequences,
    Map<QualifiedName, View> views,
    Set<String> schemas,
    Set<String> extensions) {

  /** Orders names by schema, then name. */
  public static final Comparator<QualifiedName> NAME_ORDER = Comparator
      .comparing((QualifiedName n) -> n.schema() == null ? "" : n.schema())
      .thenComparing(QualifiedName::name);

  private static final Schema EMPTY = new Schema(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
      Set.of("public"), Set.of());

  public Schema {
    tables = persistent(tables);
    indexes = persistent(indexes);
    types = persistent(types);
    sequences = persistent(sequences);
    views = persistent(views);
    schemas = persistentSet(schemas);
    extensions = persistentSet(extensions);
  }

  /** A fresh database: only the {@code public} schema. */
  public static Schema empty() {
    return EMPTY;
  }

  private static <V> PMap<QualifiedName, V> persistent(Map<QualifiedName, V> map) {
    Objects.requireNonNull(map);
    if (map instanceof TreePMap<QualifiedName, V> p && p.comparator() == NAME_ORDER) {
      return p;
    }
    return TreePMap.from(NAME_ORDER, map);
  }

  private static PSet<String> persistentSet(Set<String> set) {
    Objects.requireNonNull(set);
    return set instanceof TreePSet<String> p ? p : TreePSet.from(set);
  }

  /** The table called {@code name}. */
  public Optional<Table> table(QualifiedName name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The index called {@code name}. */
  public Optional<Index> index(QualifiedName name) {
    return Optional.ofNullable(indexes.get(name));
  }

  /** The indexes of {@code table}. */
  public List<Index> indexesOn(QualifiedName table) {
    return indexes.values().stream().filter(i -> i.table().equals(table)).collect(Collectors.toList());
  }

  /** Whether a table, view, sequence or index (a relation) is called {@code name}. */
  public boolean hasRelation(QualifiedName name) {
    return tables.containsKey(name) || views.containsKey(name) || sequences.containsKey(name)
        || indexes.containsKey(name);
  }

  /** This schema with {@code table} added or replaced. */
  public Schema withTable(Table table) {
    return new Schema(map(tables).plus(table.name(), table), indexes, types, sequences, views, schemas, extensions);
  }

  /** This schema without the table {@code name}. */
  public Schema withoutTable(QualifiedName name) {
    return new Schema(map(tables).minus(name), indexes, types, sequences, views, schemas, extensions);
  }

  /** This schema with {@code index} added or replaced. */
  public Schema withIndex(Index index) {
    return new Schema(tables, map(indexes).plus(index.name(), index), types, sequences, views, schemas, extensions);
  }

  /** This schema without the index {@code name}. */
  public Schema withoutIndex(QualifiedName name) {
    return new Schema(tables, map(indexes).minus(name), types, sequences, views, schemas, extensions);
  }

  /** This schema with {@code type} added or replaced. */
  public Schema withType(UserType type) {
    return new Schema(tables, indexes, map(types).plus(type.name(), type), sequences, views, schemas, extensions);
  }

  /** This schema without the type {@code name}. */
  public Schema withoutType(QualifiedName name) {
    return new Schema(tables, indexes, map(types).minus(name), sequences, views, schemas, extensions);
  }

  /** This schema with {@code sequence} added or replaced. */
  public Schema withSequence(Sequence sequence) {
    return new Schema(tables, indexes, types, map(sequences).plus(sequence.name(), sequence), views, schemas, extensions);
  }

  /** This schema without the sequence {@code name}. */
  public Schema withoutSequence(QualifiedName name) {
    return new Schema(tables, indexes, types, map(sequences).minus(name), views, schemas, extensions);
  }

  /** This schema with {@code view} added or replaced. */
  public Schema withView(View view) {
    return new Schema(tables, indexes, types, sequences, map(views).plus(view.name(), view), schemas, extensions);
  }

  /** This schema without the view {@code name}. */
  public Schema withoutView(QualifiedName name) {
    return new Schema(tables, indexes, types, sequences, map(views).minus(name), schemas, extensions);
  }

  /** This schema with the schema {@code name} added or removed. */
  public Schema withSchema(String name, boolean present) {
    PSet<String> set = (PSet<String>) schemas;
    return new Schema(tables, indexes, types, sequences, views, present ? set.plus(name) : set.minus(name), extensions);
  }

  /** This schema with the extension {@code name} added or removed. */
  public Schema withExtension(String name, boolean present) {
    PSet<String> set = (PSet<String>) extensions;
    return new Schema(tables, indexes, types, sequences, views, schemas, present ? set.plus(name) : set.minus(name));
  }

  private static <V> PMap<QualifiedName, V> map(Map<QualifiedName, V> map) {
    return (PMap<QualifiedName, V>) map;
  }
}
