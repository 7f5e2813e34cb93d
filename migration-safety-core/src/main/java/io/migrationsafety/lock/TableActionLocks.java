package io.migrationsafety.lock;

import static io.migrationsafety.lock.LockMode.ACCESS_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ROW_SHARE;
import static io.migrationsafety.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AlterColumnAttribute;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.AlterConstraint;
import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.AttachPartition;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.OperationKind;
import io.migrationsafety.operation.Persistence;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The facts for {@code ALTER TABLE} subcommands (SQL Commands: ALTER TABLE, the per-subform text
 * and Notes: "An ACCESS EXCLUSIVE lock is acquired unless explicitly noted").
 */
final class TableActionLocks {

  private static final String AT = "ALTER TABLE: ";

  // ALTER TABLE, SET ( storage_parameter ): these take SHARE UPDATE EXCLUSIVE, the rest ACCESS EXCLUSIVE.
  private static final Set<String> LIGHT_PARAMETER_PREFIXES = Set.of(
      "fillfactor", "autovacuum_", "toast.", "toast_tuple_target", "parallel_workers",
      "vacuum_truncate", "vacuum_index_cleanup", "log_autovacuum_min_duration");

  private TableActionLocks() {}

  static List<LockEffect> effects(TableAction action, LockContext context) {
    QualifiedName table = context.resolve(action.table().name());
    List<LockEffect> own = ownEffects(action, table, context);
    boolean recurses = RECURSING.contains(action.kind()) && !action.table().only();
    List<QualifiedName> partitions = recurses ? Relations.partitions(context, table) : List.of();
    if (partitions.isEmpty()) {
      return own;
    }
    // ALTER TABLE, Description ("… the action is applied to the partitions too, unless ONLY") and
    // DDL, Partitioning: a column or constraint change on a partitioned table recurses into every
    // partition with the same lock; the partitioned table itself has no storage, so only its
    // partitions are rewritten or scanned (measured on 13, 16, 17 and 18).
    List<LockEffect> effects = new ArrayList<>();
    for (LockEffect effect : own) {
      if (effect.relation().equals(table)) {
        effects.add(effect.withRewrite(false).withScan(false));
        for (QualifiedName partition : partitions) {
          effects.add(new LockEffect(partition, effect.mode(), effect.rewrite(), effect.scan(),
              effect.reason() + " (on every partition)"));
        }
      } else {
        effects.add(effect);
      }
    }
    return List.copyOf(effects);
  }

  /** The subcommands PostgreSQL applies to every partition of a partitioned table as well. */
  private static final Set<OperationKind> RECURSING = Set.of(OperationKind.ADD_COLUMN, OperationKind.DROP_COLUMN,
      OperationKind.RENAME_COLUMN, OperationKind.ALTER_COLUMN_TYPE, OperationKind.SET_COLUMN_DEFAULT,
      OperationKind.DROP_COLUMN_DEFAULT, OperationKind.SET_NOT_NULL, OperationKind.DROP_NOT_NULL,
      OperationKind.ADD_CONSTRAINT, OperationKind.VALIDATE_CONSTRAINT, OperationKind.ALTER_COLUMN_ATTRIBUTE);

  private static List<LockEffect> ownEffects(TableAction action, QualifiedName table, LockContext context) {
    return switch (action.kind()) {
      case ADD_COLUMN -> addColumn((AddColumn) action, table, context);
      case ALTER_COLUMN_TYPE -> alterType((AlterColumnType) action, table, context);
      case SET_NOT_NULL -> setNotNull((SetNotNull) action, table, context);
      case ALTER_COLUMN_ATTRIBUTE -> columnAttribute((AlterColumnAttribute) action, table);
      case ADD_CONSTRAINT -> addConstraint(((AddConstraint) action).constraint(), table, context);
      case DROP_CONSTRAINT -> dropConstraint((DropConstraint) action, table, context);
      case VALIDATE_CONSTRAINT -> validate((ValidateConstraint) action, table, context);
      case ATTACH_PARTITION -> attach((AttachPartition) action, table, context);
      case DETACH_PARTITION -> detach((DetachPartition) action, table, context);
      case SET_TRIGGER_STATE -> List.of(LockEffect.lock(table, SHARE_ROW_EXCLUSIVE,
          AT + "ENABLE/DISABLE TRIGGER takes SHARE ROW EXCLUSIVE"));
      case SET_LOGGED -> setLogged((SetLogged) action, table, context);
      case ALTER_CONSTRAINT -> alterConstraint((AlterConstraint) action, table, context);
      case ALTER_TABLE_SETTING -> setting((AlterTableSetting) action, table, context);
      // ALTER TABLE: every other subform takes ACCESS EXCLUSIVE and changes only the catalog.
      case DROP_COLUMN, RENAME_COLUMN, SET_COLUMN_DEFAULT, DROP_COLUMN_DEFAULT, DROP_NOT_NULL,
          ADD_IDENTITY, ALTER_IDENTITY, DROP_IDENTITY, RENAME_CONSTRAINT,
          SET_ROW_LEVEL_SECURITY -> List.of(LockEffect.lock(table, ACCESS_EXCLUSIVE,
          AT + "ACCESS EXCLUSIVE unless noted; catalog change only"));
      default -> throw new IllegalArgumentException("not an ALTER TABLE subcommand: " + action.kind());
    };
  }

  private static List<LockEffect> setLogged(SetLogged set, QualifiedName table, LockContext context) {
    // ALTER TABLE, SET LOGGED / SET UNLOGGED: ACCESS EXCLUSIVE, and the table is rewritten — unless
    // it already has that persistence (a no-op) or is partitioned (no storage of its own; refused
    // from 18). Measured on 13, 16, 17 and 18; an unknown table is assumed rewritten.
    Optional<Table> known = context.table(table);
    Persistence wanted = set.logged() ? Persistence.PERMANENT : Persistence.UNLOGGED;
    boolean rewrite = known.map(t -> t.partitionBy() == null && t.persistence() != wanted).orElse(true);
    return List.of(new LockEffect(table, ACCESS_EXCLUSIVE, rewrite, false,
        AT + "SET LOGGED/UNLOGGED " + (rewrite ? "rewrites the table" : "changes nothing: already so, or partitioned")));
  }

  private static List<LockEffect> alterConstraint(AlterConstraint alter, QualifiedName table, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    String change = alter.change().toLowerCase(Locale.ROOT);
    boolean enforceability = change.contains("enforced") && context.atLeast(18);
    // ALTER TABLE, ALTER CONSTRAINT: ACCESS EXCLUSIVE; deferrability is a catalog change (13–18).
    // From 18, [NOT] ENFORCED of a foreign key drops or creates its triggers on the referenced
    // table too: NOT ENFORCED takes ACCESS EXCLUSIVE there, ENFORCED SHARE ROW EXCLUSIVE, and the
    // rows may be checked (assumed scanned). Measured on 18.
    boolean enforcing = enforceability && !change.contains("not enforced");
    effects.add(new LockEffect(table, ACCESS_EXCLUSIVE, false, enforcing,
        AT + "ALTER CONSTRAINT takes ACCESS EXCLUSIVE" + (enforcing ? " and may check every row" : "")));
    if (enforceability) {
      context.table(table).flatMap(t -> t.constraint(alter.name()))
          .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null)
          .map(c -> context.resolve(c.referencedTable()))
          .filter(referenced -> !referenced.equals(table))
          .ifPresent(referenced -> effects.add(LockEffect.lock(referenced,
              enforcing ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE,
              AT + "ALTER CONSTRAINT [NOT] ENFORCED (18+) changes the foreign key's triggers on the referenced table")));
    }
    return List.copyOf(effects);
  }

  private static List<LockEffect> addColumn(AddColumn add, QualifiedName table, LockContext context) {
    ColumnDefinition column = add.column();
    boolean rewrite;
    String why;
    if (column.identity() != null || column.type().isSerial()) {
      rewrite = true;
      why = "an identity or serial column fills every row from a sequence";
    } else if (column.generated() != null && column.generated().stored()) {
      rewrite = true;
      why = "a stored generated column computes every row";
    } else if (column.hasDefault() && !column.defaultValue().isNullLiteral()) {
      // ALTER TABLE, Notes: from 11 a non-volatile default is stored once in the catalog.
      rewrite = column.defaultValue().volatility().mayDifferPerRow() || !context.atLeast(11);
      why = rewrite ? "the default is volatile (or the server predates 11's fast defaults)"
          : "a non-volatile default is kept in the catalog (11+)";
    } else {
      rewrite = false;
      why = "a column without default is a catalog change";
    }
    boolean scan = column.notNull() && !column.hasDefault();
    List<LockEffect> effects = new ArrayList<>();
    for (ConstraintDefinition constraint : column.constraints()) {
      for (LockEffect effect : addConstraint(constraint, table, context)) {
        if (effect.relation().equals(table)) {
          scan |= effect.scan();
        } else {
          effects.add(effect);
        }
      }
    }
    effects.add(0, new LockEffect(table, ACCESS_EXCLUSIVE, rewrite, scan, AT + "ADD COLUMN: " + why));
    return List.copyOf(effects);
  }

  private static List<LockEffect> alterType(AlterColumnType change, QualifiedName table, LockContext context) {
    Optional<Column> current = context.table(table).flatMap(t -> t.column(change.column()));
    // ALTER TABLE, Notes: binary-coercible changes skip the rewrite; with USING or an unknown
    // old type a rewrite is assumed.
    boolean inPlace = change.using() == null && current.isPresent()
        && !TypeRewrites.rewrites(current.get().type(), change.type());
    return List.of(new LockEffect(table, ACCESS_EXCLUSIVE, !inPlace, false,
        AT + "SET DATA TYPE " + (inPlace ? "is binary-coercible: no rewrite (indexes may be rebuilt)"
            : "rewrites the table and its indexes")));
  }

  private static List<LockEffect> setNotNull(SetNotNull set, QualifiedName table, LockContext context) {
    Optional<Table> known = context.table(table);
    boolean already = known.flatMap(t -> t.column(set.column())).map(Column::notNull).orElse(false);
    // ALTER TABLE, SET NOT NULL: from 12 a valid CHECK (col IS NOT NULL) spares the scan.
    boolean proven = context.atLeast(12) && known.map(t -> hasNotNullCheck(t, set.column())).orElse(false);
    boolean scan = !already && !proven;
    return List.of(new LockEffect(table, ACCESS_EXCLUSIVE, false, scan,
        AT + "SET NOT NULL " + (scan ? "scans the table for NULLs" : "is proven by a valid CHECK or already holds")));
  }

  private static boolean hasNotNullCheck(Table table, String column) {
    String wanted = column.toLowerCase(Locale.ROOT) + "isnotnull";
    for (Constraint constraint : table.constraints()) {
      if (constraint.kind() == ConstraintKind.CHECK && constraint.valid() && constraint.expression() != null) {
        String normal = constraint.expression().toLowerCase(Locale.ROOT).replaceAll("[\\s()\"]", "");
        if (normal.equals(wanted)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<LockEffect> columnAttribute(AlterColumnAttribute change, QualifiedName table) {
    return switch (change.attribute()) {
      // ALTER TABLE: SET STATISTICS and SET/RESET (attribute_option) take SHARE UPDATE EXCLUSIVE.
      case STATISTICS, OPTIONS, RESET_OPTIONS -> List.of(LockEffect.lock(table, SHARE_UPDATE_EXCLUSIVE,
          AT + "SET STATISTICS / SET (attribute option) takes SHARE UPDATE EXCLUSIVE"));
      case SET_EXPRESSION -> List.of(new LockEffect(table, ACCESS_EXCLUSIVE, true, false,
          AT + "SET EXPRESSION (17+) recomputes a stored generated column"));
      case STORAGE, COMPRESSION, DROP_EXPRESSION -> List.of(LockEffect.lock(table, ACCESS_EXCLUSIVE,
          AT + "SET STORAGE / SET COMPRESSION / DROP EXPRESSION change only future rows"));
    };
  }

  static List<LockEffect> addConstraint(ConstraintDefinition constraint, QualifiedName table, LockContext context) {
    boolean validated = !constraint.notValid();
    return switch (constraint.kind()) {
      case FOREIGN_KEY -> {
        // ALTER TABLE, ADD table_constraint: a foreign key takes SHARE ROW EXCLUSIVE on both tables.
        QualifiedName referenced = context.resolve(constraint.references().table());
        String why = AT + "ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables"
            + (validated ? " and checks every row" : " (NOT VALID: no check)");
        LockEffect own = new LockEffect(table, SHARE_ROW_EXCLUSIVE, false, validated, why);
        yield referenced.equals(table) ? List.of(own)
            : List.of(own, LockEffect.lock(referenced, SHARE_ROW_EXCLUSIVE, why));
      }
      case CHECK, NOT_NULL -> List.of(new LockEffect(table, ACCESS_EXCLUSIVE, false, validated,
          AT + "ADD CHECK " + (validated ? "scans every row" : "NOT VALID skips the scan")));
      case PRIMARY_KEY, UNIQUE, EXCLUDE -> List.of(new LockEffect(table, ACCESS_EXCLUSIVE, false,
          constraint.usingIndex() == null,
          AT + "ADD PRIMARY KEY/UNIQUE/EXCLUDE builds an index"
              + (constraint.usingIndex() == null ? "" : " (USING INDEX: none)")));
    };
  }

  private static List<LockEffect> dropConstraint(DropConstraint drop, QualifiedName table, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    effects.add(LockEffect.lock(table, ACCESS_EXCLUSIVE, AT + "DROP CONSTRAINT takes ACCESS EXCLUSIVE"));
    // SQL Commands: ALTER TABLE, DROP CONSTRAINT: dropping a foreign key removes its triggers on the
    // referenced table too, under ACCESS EXCLUSIVE there (not documented; measured on 12 to 18).
    context.table(table).flatMap(t -> t.constraint(drop.name()))
        .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null)
        .map(c -> context.resolve(c.referencedTable()))
        .filter(referenced -> !referenced.equals(table))
        .ifPresent(referenced -> effects.add(LockEffect.lock(referenced, ACCESS_EXCLUSIVE,
            AT + "DROP CONSTRAINT of a foreign key also drops its triggers on the referenced table")));
    return List.copyOf(effects);
  }

  private static List<LockEffect> validate(ValidateConstraint validate, QualifiedName table, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    // ALTER TABLE, VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the
    // referenced table of a foreign key; the scan runs under these weaker locks.
    effects.add(new LockEffect(table, SHARE_UPDATE_EXCLUSIVE, false, true,
        AT + "VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE"));
    context.table(table).flatMap(t -> t.constraint(validate.name()))
        .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null && !c.valid())
        .map(c -> context.resolve(c.referencedTable()))
        .filter(referenced -> !referenced.equals(table))
        .ifPresent(referenced -> effects.add(LockEffect.lock(referenced, ROW_SHARE,
            AT + "VALIDATE CONSTRAINT of a foreign key takes ROW SHARE on the referenced table")));
    return List.copyOf(effects);
  }

  private static List<LockEffect> attach(AttachPartition attach, QualifiedName parent, LockContext context) {
    // ALTER TABLE, ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the parent from 12 (ACCESS EXCLUSIVE
    // before); ACCESS EXCLUSIVE on the new partition, which is scanned unless a valid CHECK
    // implies the partition constraint (PartitionBounds; anything it cannot read is assumed scanned).
    LockMode parentMode = context.atLeast(12) ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
    QualifiedName partition = context.resolve(attach.partition());
    boolean proven = context.table(parent).flatMap(p -> PartitionBounds.condition(p, attach.bound()))
        .flatMap(condition -> context.table(partition).map(t -> PartitionBounds.proven(t, condition)))
        .orElse(false);
    return List.of(
        LockEffect.lock(parent, parentMode, AT + "ATTACH PARTITION locks the parent SHARE UPDATE EXCLUSIVE (12+)"),
        new LockEffect(partition, ACCESS_EXCLUSIVE, false, !proven, AT + "ATTACH PARTITION "
            + (proven ? "skips the scan: a valid CHECK implies the bound" : "scans the new partition against its bound")));
  }

  private static List<LockEffect> detach(DetachPartition detach, QualifiedName parent, LockContext context) {
    QualifiedName partition = context.resolve(detach.partition());
    if ((detach.concurrently() || detach.finalizing()) && context.atLeast(14)) {
      // ALTER TABLE, DETACH PARTITION CONCURRENTLY (14+): SHARE UPDATE EXCLUSIVE on both in the
      // first transaction; the second waits for older snapshots, then takes ACCESS EXCLUSIVE on
      // the partition only.
      String why = AT + "DETACH PARTITION CONCURRENTLY takes SHARE UPDATE EXCLUSIVE on the parent";
      return List.of(LockEffect.lock(parent, SHARE_UPDATE_EXCLUSIVE, why),
          LockEffect.lock(partition, detach.finalizing() ? ACCESS_EXCLUSIVE : SHARE_UPDATE_EXCLUSIVE, why));
    }
    // SQL Commands: ALTER TABLE, DETACH PARTITION: ACCESS EXCLUSIVE on the parent; the partition
    // itself is locked SHARE UPDATE EXCLUSIVE before 14 (measured on 12 and 13).
    LockMode partitionMode = context.atLeast(14) ? ACCESS_EXCLUSIVE : SHARE_UPDATE_EXCLUSIVE;
    String why = AT + "DETACH PARTITION takes ACCESS EXCLUSIVE on the parent, " + partitionMode + " on the partition";
    return List.of(LockEffect.lock(parent, ACCESS_EXCLUSIVE, why), LockEffect.lock(partition, partitionMode, why));
  }

  private static List<LockEffect> setting(AlterTableSetting setting, QualifiedName table, LockContext context) {
    return switch (setting.setting()) {
      case STORAGE_PARAMETERS, RESET_STORAGE_PARAMETERS -> {
        boolean light = lightParameters(setting.detail());
        yield List.of(LockEffect.lock(table, light ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE,
            AT + "SET (storage parameter): SHARE UPDATE EXCLUSIVE for fillfactor, toast, autovacuum"
                + " and parallel_workers; ACCESS EXCLUSIVE otherwise"));
      }
      case CLUSTER_ON, SET_WITHOUT_CLUSTER -> List.of(LockEffect.lock(table, SHARE_UPDATE_EXCLUSIVE,
          AT + "CLUSTER ON / SET WITHOUT CLUSTER take SHARE UPDATE EXCLUSIVE"));
      // SET ACCESS METHOD (15+) rewrites into the new access method; the schema model does not
      // track access methods, so tables are taken to be heap and SET ACCESS METHOD heap a no-op
      // (measured: the server keeps the files when the method does not change).
      case ACCESS_METHOD -> {
        boolean rewrite = !setting.detail().strip().equalsIgnoreCase("heap");
        yield List.of(new LockEffect(table, ACCESS_EXCLUSIVE, rewrite, false,
            AT + "SET ACCESS METHOD (15+) " + (rewrite ? "rewrites the table" : "to heap keeps a heap table")));
      }
      case INHERIT, NO_INHERIT -> {
        // SQL Commands: ALTER TABLE, INHERIT / NO INHERIT: the parent is locked too, so that its list
        // of children cannot change under a concurrent query (SHARE UPDATE EXCLUSIVE; measured for INHERIT on 12 to 18).
        QualifiedName parent = context.resolve(parse(setting.detail()));
        yield List.of(LockEffect.lock(table, ACCESS_EXCLUSIVE, AT + "INHERIT / NO INHERIT take ACCESS EXCLUSIVE"),
            LockEffect.lock(parent, SHARE_UPDATE_EXCLUSIVE, AT + "INHERIT / NO INHERIT lock the parent"));
      }
      case SET_WITHOUT_OIDS, REPLICA_IDENTITY, OF_TYPE, NOT_OF, RULE_STATE -> List.of(LockEffect.lock(
          table, ACCESS_EXCLUSIVE, AT + "ACCESS EXCLUSIVE unless noted; catalog change only"));
    };
  }

  /** Whether every parameter named in a {@code SET (…)} / {@code RESET (…)} list is a light one. */
  static boolean lightParameters(String list) {
    String body = list.strip();
    if (body.startsWith("(") && body.endsWith(")")) {
      body = body.substring(1, body.length() - 1);
    }
    if (body.isBlank()) {
      return false;
    }
    for (String item : body.split(",")) {
      String name = item.split("=")[0].strip().toLowerCase(Locale.ROOT);
      if (LIGHT_PARAMETER_PREFIXES.stream().noneMatch(name::startsWith)) {
        return false;
      }
    }
    return true;
  }

  /** A possibly quoted, possibly qualified name as the parser prints it. */
  static QualifiedName parse(String sql) {
    String s = sql.strip();
    int dot = dotOutsideQuotes(s);
    return dot < 0 ? QualifiedName.of(unquote(s)) : QualifiedName.of(unquote(s.substring(0, dot)), unquote(s.substring(dot + 1)));
  }

  private static int dotOutsideQuotes(String s) {
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '.' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t.toLowerCase(Locale.ROOT);
  }
}
