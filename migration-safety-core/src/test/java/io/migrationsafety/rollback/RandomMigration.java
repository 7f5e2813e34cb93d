package io.migrationsafety.rollback;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: turns a list of numbers (which jqwik generates and shrinks) into a starting schema
 * and a forward migration of reversible operations that PostgreSQL accepts on it. It keeps its own
 * small model of what exists (not the library's), so that the library under test does not decide
 * what is generated.
 */
final class RandomMigration {

  /** Column types, and what a type change may turn each into. */
  private static final Map<String, String> WIDER = Map.of(
      "integer", "bigint", "bigint", "numeric(20,0)", "varchar(40)", "text", "text", "varchar(80)",
      "numeric(10,2)", "numeric(12,2)", "date", "timestamp without time zone", "boolean", "text");
  private static final List<String> TYPES = List.of("integer", "bigint", "text", "varchar(40)", "boolean",
      "numeric(10,2)", "timestamptz", "date", "jsonb", "uuid");
  private static final Map<String, String> DEFAULTS = Map.of("integer", "42", "bigint", "0", "text", "'x'",
      "varchar(40)", "'y'", "boolean", "true", "numeric(10,2)", "1.5", "timestamptz", "now()", "date", "CURRENT_DATE",
      "jsonb", "'{}'::jsonb", "uuid", "gen_random_uuid()");

  private static final class Col {
    String name;
    String type;
    boolean notNull;
    boolean hasDefault;
    boolean key; // in the primary key, a foreign key, or a view: left alone by drops and type changes

    Col(String name, String type) {
      this.name = name;
      this.type = type;
    }
  }

  private final Iterator<Integer> choices;
  private final Map<String, List<Col>> tables = new LinkedHashMap<>();
  /** The column an index or constraint is on; renames change it, the object keeps its name. */
  private static final class On {
    String table;
    String column;

    On(String table, String column) {
      this.table = table;
      this.column = column;
    }

    boolean is(String t, String c) {
      return table.equals(t) && column.equals(c);
    }
  }

  private final Map<String, On> indexes = new LinkedHashMap<>();
  private final Map<String, On> checks = new LinkedHashMap<>(); // check and unique constraints
  private final List<String> views = new ArrayList<>();
  private final List<String> sequences = new ArrayList<>();
  private final List<String> enums = new ArrayList<>();
  private int counter;
  private boolean concurrently;

  final String start;
  final String forward;

  RandomMigration(List<Integer> numbers, int operations) {
    this.choices = numbers.iterator();
    StringBuilder setup = new StringBuilder();
    int tableCount = 1 + pick(3);
    for (int i = 0; i < tableCount; i++) {
      setup.append(createTable()).append(";\n");
    }
    for (int i = pick(3); i > 0; i--) {
      setup.append(createIndex(false)).append(";\n");
    }
    if (tables.size() > 1 && pick(2) == 0) {
      setup.append(addForeignKey()).append(";\n");
    }
    if (pick(2) == 0) {
      setup.append(createView()).append(";\n");
    }
    if (pick(2) == 0) {
      setup.append(createSequence()).append(";\n");
    }
    this.start = setup.toString();
    StringBuilder up = new StringBuilder();
    for (int i = 0; i < operations; i++) {
      up.append(operation()).append(";\n");
    }
    this.forward = up.toString();
  }

  /** Whether the forward migration must run outside a transaction (it builds an index concurrently). */
  boolean concurrently() {
    return concurrently;
  }

  private int pick(int bound) {
    return choices.hasNext() ? Math.floorMod(choices.next(), bound) : 0;
  }

  private <T> T any(List<T> list) {
    return list.get(pick(list.size()));
  }

  private String name(String prefix) {
    return prefix + (++counter);
  }

  private String operation() {
    List<String> tableNames = new ArrayList<>(tables.keySet());
    String table = any(tableNames);
    List<Col> free = tables.get(table).stream().filter(c -> !c.key).toList();
    // A NOT NULL column without a default cannot come back NOT NULL: its rows would be NULL.
    List<Col> droppable = free.stream().filter(c -> !c.notNull || c.hasDefault).toList();
    switch (pick(18)) {
      case 0: return addColumn(table);
      case 1: return droppable.isEmpty() ? addColumn(table) : dropColumn(table, any(droppable));
      case 2: return free.isEmpty() ? addColumn(table) : renameColumn(table, any(free));
      case 3: return free.isEmpty() ? addColumn(table) : changeType(table, any(free));
      case 4: return free.isEmpty() ? addColumn(table) : changeDefault(table, any(free));
      case 5: return free.isEmpty() ? addColumn(table) : changeNotNull(table, any(free));
      case 6: return createIndex(pick(3) == 0);
      case 7: return indexes.isEmpty() ? createIndex(false) : dropIndex(any(new ArrayList<>(indexes.keySet())));
      case 8: return free.isEmpty() ? addColumn(table) : addCheck(table, any(free));
      case 9: return free.isEmpty() ? addColumn(table) : addUnique(table, any(free));
      case 10: return checks.isEmpty() ? createTable() : dropConstraint(any(new ArrayList<>(checks.keySet())));
      case 11: return renameTable(table);
      case 12: return indexes.isEmpty() ? createIndex(false) : renameIndex(any(new ArrayList<>(indexes.keySet())));
      case 13: return createTable();
      case 14: return pick(2) == 0 || enums.isEmpty() ? createEnum() : "DROP TYPE " + enums.remove(0);
      case 15: return views.isEmpty() || pick(2) == 0 ? createView() : "DROP VIEW " + views.remove(0);
      case 16: return sequences.isEmpty() || pick(2) == 0 ? createSequence() : "DROP SEQUENCE " + sequences.remove(0);
      default: return tables.size() > 1 ? addForeignKey() : createTable();
    }
  }

  private String createTable() {
    String table = name("t");
    List<Col> cols = new ArrayList<>();
    Col id = new Col("id", pick(2) == 0 ? "bigint" : "integer");
    id.key = true;
    id.notNull = true;
    cols.add(id);
    StringBuilder sql = new StringBuilder("CREATE TABLE " + table + " (id " + (pick(2) == 0 ? id.type
        + " GENERATED BY DEFAULT AS IDENTITY" : id.type.equals("bigint") ? "bigserial" : "serial") + " PRIMARY KEY");
    for (int i = 1 + pick(3); i > 0; i--) {
      Col c = new Col(name("c"), any(TYPES));
      sql.append(", ").append(c.name).append(' ').append(c.type).append(columnTail(c));
      cols.add(c);
    }
    tables.put(table, cols);
    return sql.append(')').toString();
  }

  private String columnTail(Col c) {
    StringBuilder tail = new StringBuilder();
    if (pick(3) == 0) {
      tail.append(" DEFAULT ").append(DEFAULTS.get(c.type));
      c.hasDefault = true;
    }
    if (pick(3) == 0) {
      tail.append(" NOT NULL");
      c.notNull = true;
    }
    return tail.toString();
  }

  private String addColumn(String table) {
    Col c = new Col(name("c"), any(TYPES));
    tables.get(table).add(c);
    return "ALTER TABLE " + table + " ADD COLUMN " + c.name + " " + c.type + columnTail(c);
  }

  private String dropColumn(String table, Col c) {
    tables.get(table).remove(c);
    // The column's indexes and constraints go with it.
    indexes.values().removeIf(on -> on.is(table, c.name));
    checks.values().removeIf(on -> on.is(table, c.name));
    return "ALTER TABLE " + table + " DROP COLUMN " + c.name;
  }

  private String renameColumn(String table, Col c) {
    String old = c.name;
    c.name = name("c");
    indexes.values().stream().filter(on -> on.is(table, old)).forEach(on -> on.column = c.name);
    checks.values().stream().filter(on -> on.is(table, old)).forEach(on -> on.column = c.name);
    return "ALTER TABLE " + table + " RENAME COLUMN " + old + " TO " + c.name;
  }

  private String changeType(String table, Col c) {
    String wider = WIDER.get(c.type);
    if (wider == null || c.hasDefault || hasIndexOrCheck(table, c)) {
      return changeNotNull(table, c);
    }
    c.type = wider;
    return "ALTER TABLE " + table + " ALTER COLUMN " + c.name + " TYPE " + wider;
  }

  private boolean hasIndexOrCheck(String table, Col c) {
    return indexes.values().stream().anyMatch(on -> on.is(table, c.name))
        || checks.values().stream().anyMatch(on -> on.is(table, c.name));
  }

  private String changeDefault(String table, Col c) {
    String target = "ALTER TABLE " + table + " ALTER COLUMN " + c.name;
    if (c.hasDefault) {
      c.hasDefault = false;
      return target + " DROP DEFAULT";
    }
    String value = DEFAULTS.get(c.type);
    if (value == null) {
      return changeNotNull(table, c);
    }
    c.hasDefault = true;
    return target + " SET DEFAULT " + value;
  }

  private String changeNotNull(String table, Col c) {
    c.notNull = !c.notNull;
    return "ALTER TABLE " + table + " ALTER COLUMN " + c.name + (c.notNull ? " SET NOT NULL" : " DROP NOT NULL");
  }

  private String createIndex(boolean concurrent) {
    String table = any(new ArrayList<>(tables.keySet()));
    Col c = any(tables.get(table));
    if (c.type.equals("jsonb")) {
      c = tables.get(table).get(0);
    }
    String index = name("ix");
    indexes.put(index, new On(table, c.name));
    concurrently |= concurrent;
    boolean unique = pick(4) == 0;
    String where = pick(4) == 0 ? " WHERE " + c.name + " IS NOT NULL" : "";
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrent ? "CONCURRENTLY " : "") + index
        + " ON " + table + " (" + c.name + (pick(3) == 0 ? " DESC" : "") + ")" + where;
  }

  private String dropIndex(String index) {
    indexes.remove(index);
    return "DROP INDEX " + index;
  }

  private String renameIndex(String index) {
    String renamed = index + "_r";
    indexes.put(renamed, indexes.remove(index));
    return "ALTER INDEX " + index + " RENAME TO " + renamed;
  }

  private String addCheck(String table, Col c) {
    String name = name("ck");
    checks.put(name, new On(table, c.name));
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + c.name + " IS NOT NULL)"
        + (pick(2) == 0 ? " NOT VALID" : "");
  }

  private String addUnique(String table, Col c) {
    if (c.type.equals("jsonb")) {
      return addCheck(table, c);
    }
    String name = name("uq");
    checks.put(name, new On(table, c.name));
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE (" + c.name + ")";
  }

  private String dropConstraint(String constraint) {
    String table = checks.remove(constraint).table;
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint;
  }

  private String renameTable(String table) {
    String renamed = name("t");
    tables.put(renamed, tables.remove(table));
    indexes.values().stream().filter(on -> on.table.equals(table)).forEach(on -> on.table = renamed);
    checks.values().stream().filter(on -> on.table.equals(table)).forEach(on -> on.table = renamed);
    return "ALTER TABLE " + table + " RENAME TO " + renamed;
  }

  private String addForeignKey() {
    List<String> names = new ArrayList<>(tables.keySet());
    String child = names.get(pick(names.size()));
    String parent = names.get(pick(names.size()));
    Col ref = new Col(name("fk"), tables.get(parent).get(0).type);
    ref.key = true;
    tables.get(child).add(ref);
    return "ALTER TABLE " + child + " ADD COLUMN " + ref.name + " " + ref.type + " REFERENCES " + parent
        + (pick(2) == 0 ? " ON DELETE CASCADE" : "");
  }

  private String createView() {
    String table = any(new ArrayList<>(tables.keySet()));
    String view = name("v");
    views.add(view);
    tables.get(table).get(0).key = true;
    return "CREATE VIEW " + view + " AS SELECT id FROM " + table + " WHERE id > 0";
  }

  private String createSequence() {
    String sequence = name("s");
    sequences.add(sequence);
    return "CREATE SEQUENCE " + sequence;
  }

  private String createEnum() {
    String type = name("e");
    enums.add(type);
    return "CREATE TYPE " + type + " AS ENUM ('a', 'b''c')";
  }
}
