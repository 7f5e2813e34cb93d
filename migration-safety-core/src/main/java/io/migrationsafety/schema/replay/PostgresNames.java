package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The names PostgreSQL gives to what the user did not name: {@code orders_pkey},
 * {@code orders_customer_id_fkey}, {@code orders_total_check}, {@code orders_status_idx},
 * {@code orders_id_seq}. Follows PostgreSQL's {@code makeObjectName}, {@code ChooseRelationName}
 * and {@code ChooseConstraintName} (src/backend/commands/indexcmds.c, pg_constraint.c): parts
 * joined by underscores, cut to fit 63 bytes by shortening the longer part first, never inside a
 * character, and a number appended to the label ({@code _key1}, {@code _check2}) until the name
 * is free. Verified against PostgreSQL 16 by {@code GeneratedNamesOnPostgresTest}.
 */
final class PostgresNames {

  /** PostgreSQL's {@code NAMEDATALEN - 1}: the longest identifier, in bytes. */
  static final int MAX_BYTES = 63;

  private PostgresNames() {}

  /** {@code name1_name2_label}, shortened to fit {@value #MAX_BYTES} bytes. */
  static String makeObjectName(String name1, String name2, String label) {
    int overhead = 0;
    int chars1 = bytes(name1);
    int chars2 = 0;
    if (name2 != null) {
      chars2 = bytes(name2);
      overhead++;
    }
    if (label != null) {
      overhead += bytes(label) + 1;
    }
    int available = MAX_BYTES - overhead;
    // Shorten the longer name first, one byte at a time, as PostgreSQL does.
    while (chars1 + chars2 > available) {
      if (chars1 > chars2) {
        chars1--;
      } else {
        chars2--;
      }
    }
    StringBuilder name = new StringBuilder(clip(name1, chars1));
    if (name2 != null) {
      name.append('_').append(clip(name2, chars2));
    }
    if (label != null) {
      name.append('_').append(label);
    }
    return name.toString();
  }

  /**
   * A free name for a new relation (an index, a sequence) in {@code namespace}; with
   * {@code isConstraint}, also free among the constraints of the namespace, as the index of a
   * constraint must be.
   */
  static String chooseRelationName(Schema schema, String namespace, String name1, String name2, String label,
      boolean isConstraint) {
    for (int pass = 0; ; pass++) {
      String name = makeObjectName(name1, name2, pass == 0 ? label : label + pass);
      if (!relationExists(schema, namespace, name)
          && (!isConstraint || !constraintExists(schema, namespace, name))) {
        return name;
      }
    }
  }

  /** A free name for a new constraint: unused by every constraint of {@code namespace}. */
  static String chooseConstraintName(Schema schema, String namespace, String name1, String name2, String label) {
    for (int pass = 0; ; pass++) {
      String name = makeObjectName(name1, name2, pass == 0 ? label : label + pass);
      if (!constraintExists(schema, namespace, name)) {
        return name;
      }
    }
  }

  /**
   * The index name PostgreSQL picks ({@code ChooseIndexName}): {@code table_pkey} for a primary key,
   * {@code table_cols_excl} for an exclusion constraint, {@code table_cols_key} for a unique
   * constraint, {@code table_cols_idx} for a plain {@code CREATE INDEX}.
   */
  static String chooseIndexName(Schema schema, QualifiedName table, List<String> columnNames, IndexRole role) {
    String addition = nameAddition(columnNames);
    switch (role) {
      case PRIMARY_KEY:
        return chooseRelationName(schema, table.schema(), table.name(), null, "pkey", true);
      case EXCLUSION:
        return chooseRelationName(schema, table.schema(), table.name(), addition, "excl", true);
      case UNIQUE_CONSTRAINT:
        return chooseRelationName(schema, table.schema(), table.name(), addition, "key", true);
      case INDEX:
      default:
        return chooseRelationName(schema, table.schema(), table.name(), addition, "idx", false);
    }
  }

  /** Why an index is created, which decides its generated name. */
  enum IndexRole {
    PRIMARY_KEY,
    UNIQUE_CONSTRAINT,
    EXCLUSION,
    INDEX
  }

  /**
   * Column names joined by underscores, stopping once the result reaches 64 bytes
   * ({@code ChooseIndexNameAddition}, {@code ChooseForeignKeyConstraintNameAddition}).
   */
  static String nameAddition(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String name : names) {
      if (sb.length() > 0) {
        sb.append('_');
      }
      sb.append(clip(name, Math.min(bytes(name), MAX_BYTES)));
      if (bytes(sb.toString()) >= MAX_BYTES + 1) {
        break;
      }
    }
    return sb.toString();
  }

  /** Whether a relation (or composite type, which has one) called {@code name} is in {@code namespace}. */
  static boolean relationExists(Schema schema, String namespace, String name) {
    QualifiedName q = QualifiedName.of(namespace, name);
    if (schema.hasRelation(q)) {
      return true;
    }
    UserType type = schema.types().get(q);
    return type != null && type.kind() == UserType.Kind.COMPOSITE;
  }

  /** Whether any table of {@code namespace} has a constraint called {@code name}. */
  static boolean constraintExists(Schema schema, String namespace, String name) {
    for (Table table : tablesIn(schema, namespace)) {
      for (Constraint c : table.constraints()) {
        if (c.name().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The tables of one namespace, read from the sorted map without scanning the others. */
  static Iterable<Table> tablesIn(Schema schema, String namespace) {
    Map<QualifiedName, Table> tables = schema.tables();
    if (tables instanceof NavigableMap<QualifiedName, Table> sorted) {
      // the namespace's tables are one range of the sorted map: from its first name to the next namespace
      return sorted.subMap(QualifiedName.of(namespace, ""), true, QualifiedName.of(namespace + "\0", ""), false)
          .values();
    }
    return () -> tables.values().stream().filter(t -> namespace.equals(t.name().schema())).iterator();
  }

  /** The length of {@code s} in UTF-8 bytes, as PostgreSQL counts identifier lengths. */
  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that ends on a character boundary. */
  static String clip(String s, int maxBytes) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
