package io.migrationsafety.lock;

import static io.migrationsafety.lock.LockMode.ACCESS_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ACCESS_SHARE;
import static io.migrationsafety.lock.LockMode.EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ROW_SHARE;
import static io.migrationsafety.lock.LockMode.SHARE;
import static io.migrationsafety.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import io.migrationsafety.operation.AlterDomain;
import io.migrationsafety.operation.ColumnDefinition;
import io.migrationsafety.operation.Comment;
import io.migrationsafety.operation.ConstraintDefinition;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.LockTable;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.operation.Truncate;
import io.migrationsafety.operation.Vacuum;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The facts for table-level statements other than ALTER TABLE and index statements. */
final class StatementLocks {

  private StatementLocks() {}

  static List<LockEffect> createTable(CreateTable create, LockContext context) {
    // The new table itself is invisible to others until commit: no lock worth reporting.
    QualifiedName self = context.resolve(create.name());
    List<LockEffect> effects = new ArrayList<>();
    if (create.partitionOf() != null) {
      // CREATE TABLE, PARTITION OF: ACCESS EXCLUSIVE on the parent (ATTACH PARTITION is weaker).
      effects.add(LockEffect.lock(context.resolve(create.partitionOf()), ACCESS_EXCLUSIVE,
          "CREATE TABLE … PARTITION OF takes ACCESS EXCLUSIVE on the parent"));
    }
    for (QualifiedName parent : create.inherits()) {
      effects.add(LockEffect.lock(context.resolve(parent), SHARE_UPDATE_EXCLUSIVE,
          "CREATE TABLE … INHERITS locks the parent SHARE UPDATE EXCLUSIVE"));
    }
    for (QualifiedName like : create.likeTables()) {
      effects.add(LockEffect.lock(context.resolve(like), ACCESS_SHARE, "CREATE TABLE … LIKE reads the source"));
    }
    List<ConstraintDefinition> constraints = new ArrayList<>(create.constraints());
    for (ColumnDefinition column : create.columns()) {
      constraints.addAll(column.constraints());
    }
    for (ConstraintDefinition constraint : constraints) {
      if (constraint.kind() == ConstraintKind.FOREIGN_KEY) {
        QualifiedName referenced = context.resolve(constraint.references().table());
        if (!referenced.equals(self)) {
          // CREATE TABLE, REFERENCES: the referenced table gets SHARE ROW EXCLUSIVE (its triggers change).
          effects.add(LockEffect.lock(referenced, SHARE_ROW_EXCLUSIVE,
              "CREATE TABLE … REFERENCES takes SHARE ROW EXCLUSIVE on the referenced table"));
        }
      }
    }
    return effects;
  }

  static List<LockEffect> drop(Drop drop, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    switch (drop.objectType()) {
      case TABLE, FOREIGN_TABLE -> {
        for (QualifiedName name : drop.names()) {
          QualifiedName table = context.resolve(name);
          String why = "DROP TABLE takes ACCESS EXCLUSIVE";
          effects.add(LockEffect.lock(table, ACCESS_EXCLUSIVE, why));
          for (QualifiedName partition : Relations.partitions(context, table)) {
            effects.add(LockEffect.lock(partition, ACCESS_EXCLUSIVE, why + " on every partition"));
          }
          context.table(table).map(Table::partitionOf).ifPresent(parent -> effects.add(
              LockEffect.lock(parent, ACCESS_EXCLUSIVE, why + " on the parent of a partition")));
          // SQL Commands: DROP TABLE; its foreign keys' triggers on the referenced tables go too,
          // under ACCESS EXCLUSIVE there (measured on 12 to 18).
          for (QualifiedName referenced : Relations.referenced(context, table)) {
            effects.add(LockEffect.lock(referenced, ACCESS_EXCLUSIVE,
                why + " on the tables its foreign keys reference"));
          }
          if (drop.cascade()) {
            for (QualifiedName referencing : Relations.referencing(context, table)) {
              effects.add(LockEffect.lock(referencing, ACCESS_EXCLUSIVE, why + " (CASCADE drops foreign keys)"));
            }
          }
        }
      }
      case VIEW, MATERIALIZED_VIEW, SEQUENCE -> drop.names().forEach(n -> effects.add(
          LockEffect.lock(context.resolve(n), ACCESS_EXCLUSIVE, "DROP " + drop.objectType().sql()
              + " takes ACCESS EXCLUSIVE")));
      case INDEX -> effects.addAll(IndexLocks.drop(drop.names(), drop.concurrently(), context));
      case TRIGGER, POLICY, RULE -> {
        if (drop.onTable() != null) {
          effects.add(LockEffect.lock(context.resolve(drop.onTable()), ACCESS_EXCLUSIVE,
              "DROP " + drop.objectType().sql() + " takes ACCESS EXCLUSIVE on its table"));
        }
      }
      default -> {
        // Types, functions, schemas …: no table lock (CASCADE into tables is not modelled).
      }
    }
    return effects;
  }

  /** A statement on one named relation that takes {@code mode} on it, when it is a relation. */
  static List<LockEffect> onRelation(ObjectType type, QualifiedName name, LockMode mode, boolean rewrite,
      String why, LockContext context) {
    return switch (type) {
      case TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE ->
          List.of(new LockEffect(context.resolve(name), mode, rewrite, false, why));
      case INDEX -> List.of(new LockEffect(context.resolveIndex(name), mode, rewrite, false, why));
      default -> List.of();
    };
  }

  static List<LockEffect> truncate(Truncate truncate, LockContext context) {
    // SQL Commands: TRUNCATE: ACCESS EXCLUSIVE on each table (and partitions, and with CASCADE the referencing
    // tables); every table gets new, empty files.
    List<LockEffect> effects = new ArrayList<>();
    List<QualifiedName> pending = new ArrayList<>();
    truncate.tables().forEach(t -> pending.add(context.resolve(t)));
    for (int i = 0; i < pending.size(); i++) {
      QualifiedName table = pending.get(i);
      effects.add(new LockEffect(table, ACCESS_EXCLUSIVE, true, false, "TRUNCATE takes ACCESS EXCLUSIVE"));
      for (QualifiedName more : Relations.partitions(context, table)) {
        addOnce(pending, more);
      }
      if (truncate.cascade()) {
        Relations.referencing(context, table).forEach(t -> addOnce(pending, t));
      }
    }
    return effects;
  }

  private static void addOnce(List<QualifiedName> list, QualifiedName name) {
    if (!list.contains(name)) {
      list.add(name);
    }
  }

  static List<LockEffect> lockTable(LockTable lock, LockContext context) {
    // SQL Commands: LOCK: the named mode (ACCESS EXCLUSIVE when none), on partitions and children too.
    LockMode mode = LockMode.fromSqlName(lock.mode()).orElse(ACCESS_EXCLUSIVE);
    return eachWithPartitions(lock.tables(), context,
        t -> LockEffect.lock(t, mode, "LOCK TABLE … IN " + mode + " MODE"));
  }

  static List<LockEffect> vacuum(Vacuum vacuum, LockContext context) {
    // Explicit Locking: VACUUM FULL takes ACCESS EXCLUSIVE and rewrites; plain VACUUM and ANALYZE
    // take SHARE UPDATE EXCLUSIVE.
    boolean full = vacuum.full() && !vacuum.analyzeOnly();
    return eachWithPartitions(vacuum.tables(), context, t -> full
        ? new LockEffect(t, ACCESS_EXCLUSIVE, true, true, "VACUUM FULL rewrites under ACCESS EXCLUSIVE")
        : new LockEffect(t, SHARE_UPDATE_EXCLUSIVE, false, true, "VACUUM / ANALYZE take SHARE UPDATE EXCLUSIVE"));
  }

  private static List<LockEffect> eachWithPartitions(List<QualifiedName> tables, LockContext context,
      Function<QualifiedName, LockEffect> effect) {
    List<LockEffect> effects = new ArrayList<>();
    for (QualifiedName name : tables) {
      QualifiedName table = context.resolve(name);
      effects.add(effect.apply(table));
      Relations.partitions(context, table).forEach(p -> effects.add(effect.apply(p)));
    }
    return effects;
  }

  static List<LockEffect> comment(Comment comment, LockContext context) {
    // Explicit Locking, SHARE UPDATE EXCLUSIVE: acquired by COMMENT ON; on a column, its table.
    QualifiedName target = TableActionLocks.parse(comment.target());
    String why = "COMMENT ON takes SHARE UPDATE EXCLUSIVE";
    if (comment.objectType() == ObjectType.COLUMN) {
      String text = comment.target().strip();
      int dot = text.lastIndexOf('.');
      if (dot < 0) {
        return List.of();
      }
      QualifiedName table = TableActionLocks.parse(text.substring(0, dot));
      return List.of(LockEffect.lock(context.resolve(table), SHARE_UPDATE_EXCLUSIVE, why + " on the column's table"));
    }
    return onRelation(comment.objectType(), target, SHARE_UPDATE_EXCLUSIVE, false, why, context);
  }

  static List<LockEffect> dataChange(DataChange change, LockContext context) {
    // Explicit Locking: INSERT, UPDATE, DELETE, MERGE (and COPY FROM) take ROW EXCLUSIVE.
    return List.of(LockEffect.lock(context.resolve(change.table()), ROW_EXCLUSIVE,
        change.dmlKind().name() + " takes ROW EXCLUSIVE"
            + (change.dmlKind() == DmlKind.COPY ? " (COPY FROM; COPY TO only ACCESS SHARE)" : "")));
  }

  static List<LockEffect> query(Query query, LockContext context) {
    // Explicit Locking: SELECT takes ACCESS SHARE; SELECT FOR UPDATE/SHARE takes ROW SHARE.
    LockMode mode = query.locking() ? ROW_SHARE : ACCESS_SHARE;
    List<LockEffect> effects = new ArrayList<>();
    for (QualifiedName table : query.tables()) {
      effects.add(LockEffect.lock(context.resolve(table), mode,
          query.locking() ? "SELECT … FOR UPDATE/SHARE takes ROW SHARE" : "SELECT takes ACCESS SHARE"));
    }
    return effects;
  }

  static List<LockEffect> alterDomain(AlterDomain alter, LockContext context) {
    // SQL Commands: ALTER DOMAIN: ADD CONSTRAINT / SET NOT NULL check every column of the domain;
    // SHARE on each table that uses it (the mode is not documented; measured on 12 to 18); VALIDATE CONSTRAINT the same with less held.
    boolean checks = switch (alter.change()) {
      case SET_NOT_NULL, VALIDATE_CONSTRAINT -> true;
      case ADD_CONSTRAINT -> alter.constraint() == null || !alter.constraint().notValid();
      default -> false;
    };
    if (!checks) {
      return List.of();
    }
    QualifiedName domain = context.resolve(alter.name());
    List<LockEffect> effects = new ArrayList<>();
    for (Table table : context.before().tables().values()) {
      boolean uses = table.columns().stream().anyMatch(c -> c.type().name().equals(domain.name())
          || c.type().name().equals(domain.schema() + "." + domain.name()));
      if (uses) {
        effects.add(new LockEffect(table.name(), SHARE, false, true,
            "ALTER DOMAIN checks every column of the domain under SHARE"));
      }
    }
    return effects;
  }

  /** REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE and new files; CONCURRENTLY: EXCLUSIVE, reads go on. */
  static List<LockEffect> refresh(QualifiedName view, boolean concurrently, LockContext context) {
    return List.of(new LockEffect(context.resolve(view), concurrently ? EXCLUSIVE : ACCESS_EXCLUSIVE,
        !concurrently, true, "REFRESH MATERIALIZED VIEW" + (concurrently ? " CONCURRENTLY takes EXCLUSIVE"
            : " takes ACCESS EXCLUSIVE and fills new files")));
  }
}
